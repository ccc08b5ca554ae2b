/**
 * What kind of sender an address is, read from the address alone: a person or a company's
 * mailbox, an automated sender (no-reply@, billing@, notifications@), a bank, a payment platform
 * (whose notifications have no counterparty), or a well-known SaaS/utility vendor (whose invoices
 * to the user are vendor bills). Used when the user's own addresses are unknown and to decide the
 * counterparty of bank/platform notifications.
 */

export type SenderType = 'person' | 'automated' | 'bank' | 'platform' | 'vendor';

const AUTOMATED_LOCAL =
  /^(?:no-?reply|do-?not-?reply|donotreply|ne-?pas-?repondre|nepasrepondre|noreply|notifications?|notify|comunicazion[ei]|communications?|alerts?|mailer|mailer-daemon|postmaster|billing|invoices?|invoicing|factur(?:e|es|ation)|receipts?|statements?|payments?|news|newsletter|marketing|service-?client|serviceclient|customer-?service|automated|system|bounce|account(?:s)?-?noreply)(?:[+._-].*)?$/i;

// Banks and neobanks: their mails are account notifications, never an invoice counterparty.
const BANK_DOMAINS =
  /(?:^|\.)(?:qonto\.com|qonto\.eu|shine\.fr|revolut\.com|n26\.com|bnpparibas(?:\.com|\.net|\.fr)?|societegenerale\.fr|sg\.fr|credit-agricole\.(?:fr|com)|ca-[a-z-]+\.fr|lcl\.fr|boursorama\.(?:fr|com)|boursobank\.com|caisse-epargne\.fr|banquepopulaire\.fr|cic\.fr|creditmutuel\.fr|labanquepostale\.fr|hsbc\.(?:fr|com|co\.uk)|barclays\.(?:com|co\.uk)|wise\.com|transferwise\.com|monzo\.com|starlingbank\.com|sumeria\.eu|lydia\.me|mercury\.com|brex\.com|tide\.co|kontist\.com|holvi\.com|finom\.co|vivid\.money|swan\.io|nickel\.eu|venmo\.com|cash\.app|lloydsbank\.(?:com|co\.uk)|natwest\.com|santander\.[a-z.]+|ing\.[a-z.]+|abnamro\.nl|rabobank\.nl|bunq\.com|deutsche-bank\.de|commerzbank\.de|sparkasse\.de|bbva\.[a-z.]+|caixabank\.[a-z.]+|intesasanpaolo\.com|unicredit\.[a-z.]+|fortuneo\.fr|hellobank\.fr|memobank\.fr|blank\.app|anytime\.fr|manager\.one)$/i;
// Payment and invoicing platforms' notification domains ("You received a payment", "Invoice paid").
const PLATFORM_DOMAINS =
  /(?:^|\.)(?:stripe\.com|paypal\.[a-z.]+|gocardless\.com|sumup\.com|mollie\.com|lydia-app\.com|paypal-communication\.com|squareup\.com|payplug\.com|lemonway\.com|alma\.eu|pennylane\.com|sellsy\.com|invoiceninja\.com|invoicing\.co|quickbooks\.com|intuit\.com|xero\.com|freshbooks\.com|zoho\.(?:com|eu)|odoo\.com|dolibarr\.[a-z.]+|tiime\.fr|abby\.fr|henrri\.com|facture\.net|axonaut\.com|evoliz\.com|indy\.fr|freebe\.me|wave(?:apps)?\.com|sage\.com|libeo\.io|agicap\.com|chorus-pro\.gouv\.fr|harvestapp\.com|getharvest\.com|zohoinvoice\.[a-z.]+|zervant\.com|invoice2go\.com|invoicely\.com|billdu\.com|factomos\.com|vosfactures\.fr|facturation\.pro|quipu\.[a-z]+|holded\.com|debitoor\.[a-z]+|moneybird\.(?:nl|com)|lexoffice\.de|sevdesk\.(?:de|email|com)|fattureincloud\.it|hellobonsai\.com|honeybook\.com|dubsado\.com|invoicesimple\.com|freeagent\.com|kashflow\.com|billomat\.com|fastbill\.com|easybill\.de|invoiced\.com|paymo\.app|bill\.com)$/i;
// SaaS, telecoms, utilities, marketplaces: what they invoice the user is a vendor bill.
const VENDOR_DOMAINS =
  /(?:^|\.)(?:ovh\.(?:com|net|fr)|ovhcloud\.com|google\.com|amazon\.[a-z.]+|aws\.amazon\.com|amazonaws\.com|microsoft\.com|apple\.com|adobe\.com|notion\.so|slack\.com|github\.com|atlassian\.com|dropbox\.com|zoom\.us|canva\.com|figma\.com|shopify\.com|heroku\.com|digitalocean\.com|scaleway\.com|o2switch\.fr|ionos\.(?:fr|com|de)|gandi\.net|hostinger\.[a-z.]+|wix\.com|squarespace\.com|mailchimp\.com|hubspot\.com|salesforce\.com|linkedin\.com|openai\.com|anthropic\.com|spotify\.com|netflix\.com|free\.fr|free-mobile\.fr|orange\.(?:fr|com)|sfr\.fr|bouyguestelecom\.fr|edf\.fr|engie\.(?:fr|com)|totalenergies\.(?:fr|com)|sncf\.(?:fr|com)|uber\.com|airbnb\.[a-z.]+|booking\.com|vercel\.com|netlify\.com|cloudflare\.com|godaddy\.com|namecheap\.com|jetbrains\.com|1password\.com|docusign\.(?:com|net)|calendly\.com|typeform\.com|webflow\.com|twilio\.com|sendgrid\.(?:com|net)|mailjet\.com|brevo\.com|sendinblue\.com|malt\.(?:fr|com)|fiverr\.com|upwork\.com|alan\.(?:eu|com)|swile\.co|legalstart\.fr|captain\.fr|docapost\.fr|laposte\.fr|infogreffe\.fr)$/i;

export function senderType(address: string | null | undefined): SenderType {
  if (!address) return 'automated';
  const at = address.lastIndexOf('@');
  const local = at === -1 ? address : address.slice(0, at);
  const domain = at === -1 ? '' : address.slice(at + 1).toLowerCase();
  if (BANK_DOMAINS.test(domain)) return 'bank';
  if (PLATFORM_DOMAINS.test(domain)) return 'platform';
  if (VENDOR_DOMAINS.test(domain)) return 'vendor';
  if (AUTOMATED_LOCAL.test(local)) return 'automated';
  return 'person';
}

// Mass-mailing mailboxes: what they send about invoices is content (tips, templates), not an invoice.
const BULK_LOCAL = /^(?:newsletters?|news|marketing|promo(?:tions?)?|offers|offres|campaigns?|digest|mailing|blog|webinars?|events?|community|content)(?:[+._-].*)?$/i;

/** The address is a newsletter or marketing mailbox. */
export function isBulkSender(address: string | null | undefined): boolean {
  if (!address) return false;
  const at = address.lastIndexOf('@');
  if (BULK_LOCAL.test(at === -1 ? address : address.slice(0, at))) return true;
  // A mass-mailing subdomain (hello@email.xero.com, info@news.example.fr): marketing tools send from
  // these; invoices come from the tools' transactional domains (post.xero.com, invoicing.…).
  return at !== -1 && BULK_SUBDOMAIN.test(address.slice(at + 1));
}

const BULK_SUBDOMAIN = /^(?:e|em|email|emails|news|newsletters?|marketing|mkt|mailing|campaigns?|promo)\.[^.]+\.[a-z.]+$/i;

/** The domain of an address, lower-cased ('' when there is none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? '' : address.slice(at + 1).toLowerCase();
}
