/**
 * The first name to greet a client by, from the display name the mailbox showed. A wrong guess
 * ("Bonjour Atelier,") is worse than a neutral "Bonjour,", so anything unclear gives null.
 */

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['-]\p{Lu}\p{Ll}+)*$/u; // Julien, Jean-Pierre, Zoë
const UPPER_WORD = /^\p{Lu}{2,}(?:['-]\p{Lu}{2,})*$/u; // MOREAU: French "NOM Prénom"
const INITIAL = /^\p{Lu}\.?$/u;
const PARTICLES = new Set(['de', 'du', 'des', 'le', 'la', "d'", 'van', 'von', 'der', 'da', 'di', 'del', 'el', 'al', 'bin', 'ben']);
// Display names of companies and shared mailboxes, not people.
const NOT_A_PERSON = new Set([
  'sarl', 'sas', 'sasu', 'eurl', 'sa', 'sci', 'ltd', 'limited', 'llc', 'llp', 'inc', 'plc', 'gmbh', 'co', 'cie', 'studio', 'agence',
  'atelier', 'service', 'services', 'team', 'équipe', 'comptabilité', 'compta', 'accounts', 'accounting', 'billing', 'facturation',
  'support', 'contact', 'info', 'direction', 'group', 'groupe', 'société', 'company', 'office', 'admin', 'payable', 'payables',
]);

export function firstNameOf(displayName: string | null): string | null {
  if (displayName === null || displayName.includes('@')) return null;
  const cleaned = displayName.replace(/["“”]/g, '').replace(/\(.*?\)/g, ' ').trim();
  const commaParts = cleaned.split(',').map((part) => part.trim());
  // Outlook directories write "Moreau, Julien".
  const words = commaParts.length === 2 ? [...(commaParts[1] ?? '').split(/\s+/), ...(commaParts[0] ?? '').split(/\s+/)] : cleaned.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null; // one word may be a first name or a brand: don't guess
  if (words.some((word) => NOT_A_PERSON.has(word.toLowerCase()))) return null;
  const [first, second] = words;
  if (first === undefined || second === undefined) return null;
  const rest = words.slice(1);
  if (NAME_WORD.test(first) && rest.every(isSurnamePart)) return first;
  if (UPPER_WORD.test(first) && NAME_WORD.test(second) && words.length === 2) return second;
  return null;
}

function isSurnamePart(word: string): boolean {
  return NAME_WORD.test(word) || UPPER_WORD.test(word) || INITIAL.test(word) || PARTICLES.has(word.toLowerCase());
}
