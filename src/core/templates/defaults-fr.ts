/**
 * Default French templates, one per ladder step (chasing-practice.md): vouvoiement, first person
 * (the freelancer writes and signs), courteous at every step, firmer as the ladder climbs, never a
 * threat. Users may edit each part; these stay the reset target.
 */
import type { LanguageTemplates, ToneVariants } from './defaults';

const CLOSING = `Bien cordialement,
{{signature}}`;

/** Cash trouble (cause `cash_trouble` or advice `offer_payment_plan`): practice is a first payment now, the rest at 15 and 30 days. */
const PLAN_SENTENCE = `Si cela peut vous faciliter les choses, je vous propose d'étaler ce règlement : un premier versement dès maintenant, puis le solde en deux fois, à 15 jours et à 30 jours. Dites-moi ce qui vous conviendrait, et je vous confirmerai cet échéancier par écrit.`;
const PLAN_OFFER = `{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{/if}}`;

/** Cause `oversight`: say so, and give the references and bank details again (advice `resend_invoice_copy`). */
const OVERSIGHT = `{{#if cause_oversight}} Il s'agit peut-être d'un simple oubli : je vous redonne ci-dessous les références {{#if several_invoices}}des factures{{else}}de la facture{{/if}} et les coordonnées de paiement.{{/if}}`;

const CALL_SUBJECT = 'Appel au sujet {{of_invoice_ref}}{{#if client_name}} – {{client_name}}{{/if}}';
const CALL_HEADER = `Script d'appel{{#if client_name}} – {{client_name}}{{/if}}
Interlocuteur : {{contact_name}}
Téléphone : {{client_phone}}
{{invoice_label}}{{#if total}} – {{total}}{{/if}}{{#if due_date}}, échéance du {{due_date}}{{/if}}`;
const CALL_INTRODUCTION = `« Bonjour{{#if sender_name}}, {{sender_name}}{{#if sender_company}}, de {{sender_company}}{{/if}}, à l'appareil{{/if}}. Je vous appelle au sujet {{of_invoice_ref}}{{#if total}}, d'un montant de {{total}}{{/if}}{{due_clause?}}`;
const VOICEMAIL = `{{#if sender_name}}Bonjour, ici {{sender_name}}{{#if sender_role}}, {{sender_role}}{{/if}}{{#if sender_company}} chez {{sender_company}}{{/if}}.{{else}}Bonjour.{{/if}} Je vous appelle au sujet {{of_invoice_ref}}{{#if issue_date}} du {{issue_date}}{{/if}}{{#if total}}, d'un montant de {{total}}{{/if}}{{due_clause?}}.{{#if sender_phone}} Vous pouvez me rappeler au {{sender_phone}}.{{/if}} Merci, bonne journée.`;

export const FRENCH_TEMPLATES: LanguageTemplates = {
  pre_reminder: {
    subject: '{{invoice_label}}{{#if due_date}} – échéance du {{due_date}}{{/if}}',
    body: `{{greeting}}

Je me permets de vous adresser ce petit message au sujet {{of_invoice_ref}}{{due_clause?}}.

{{invoice_details}}

${PLAN_OFFER}

{{payment_details}}

Si le règlement est déjà programmé, merci de ne pas tenir compte de ce message. N'hésitez pas à me contacter si vous avez la moindre question.

${CLOSING}`,
  },

  first_reminder: {
    subject: '{{invoice_label}} : petit rappel',
    body: `{{greeting}}

Sauf erreur de ma part, je n'ai pas encore reçu le règlement {{of_invoice_ref}}{{due_clause?}}.{{#if assume_oversight}} Il s'agit probablement d'un simple oubli.{{/if}}

{{invoice_details}}

Pourriez-vous m'indiquer à quelle date le paiement pourra être effectué ?

${PLAN_OFFER}

{{payment_details}}

Si le règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message. N'hésitez pas à me contacter si vous avez la moindre question.

${CLOSING}`,
  },

  call: {
    subject: CALL_SUBJECT,
    body: `${CALL_HEADER}

Avant l'appel : ayez sous la main la facture, le devis signé ou le bon de commande, vos conditions de vente, l'historique des échanges et un calendrier.

1. Présentez-vous et donnez la raison de l'appel : ${CALL_INTRODUCTION}. »
2. Demandez simplement la raison : « Je n'ai pas encore reçu le règlement : pouvez-vous me dire où en est le paiement ? » Si la réponse reste vague, demandez des précisions : le montant, la date et le moyen de paiement.
3. Renseignez-vous sur la situation du client : facture en attente de validation, difficultés de trésorerie, désaccord sur la prestation. Écoutez et notez les faits. Si la facture est contestée, notez précisément le motif : une contestation se traite avant toute autre relance.
4. Convenez d'une solution : la date et le montant du règlement, le moyen de paiement. En cas de difficultés, proposez un échéancier (un acompte tout de suite, un deuxième versement à 15 jours, le solde à 30 jours) et obtenez toujours un acompte, même petit.
5. Avant de raccrocher, fixez ensemble la date du prochain appel.
6. Après l'appel, notez la date, l'heure, votre interlocuteur et ce qui a été dit, puis confirmez par écrit ce qui a été convenu.

Restez courtois et factuel du début à la fin de l'échange.`,
    voicemail: VOICEMAIL,
  },

  call_follow_up: {
    subject: '{{invoice_label}} – suite à notre échange téléphonique',
    body: `{{greeting}}

Je vous remercie pour notre échange téléphonique{{#if call_date}} du {{call_date}}{{/if}} au sujet {{of_invoice_ref}}{{#if total}} ({{total}}){{/if}}. Comme convenu, je vous confirme par écrit ce que nous avons dit.

Vous m'avez indiqué la raison suivante : {{call_reason}}.

Le règlement{{#if promised_amount}} de {{promised_amount}}{{/if}} interviendra le {{promised_date}}, comme convenu. Je prends bonne note de cet engagement.
{{#if plan}}
Nous avons convenu de l'échéancier suivant :
{{#each plan}}
- {{date}} : {{amount}}
{{/each}}
{{else}}
{{#if promised_date}}
{{else}}

${PLAN_OFFER}
{{/if}}
{{/if}}

Nous avons également convenu de ce qui suit : {{call_agreement}}.

Je vous rappellerai le {{next_call_date}} pour faire le point.

{{invoice_details}}

{{payment_details}}

Je vous remercie par avance et reste à votre disposition pour toute question.

${CLOSING}`,
  },

  second_reminder: {
    subject: 'Deuxième relance – {{invoice_label}}',
    body: `{{greeting}}

Je reviens vers vous au sujet {{of_invoice_ref}}{{due_clause?}}, dont je n'ai pas encore reçu le règlement{{#if previous_reminders}}, malgré {{previous_reminders}}{{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
Je vous rappelle que, conformément à nos conditions générales de vente et à {{penalty_law}}, toute somme non réglée à l'échéance entraîne de plein droit des pénalités de retard au taux {{#if penalty_rate}}annuel de {{penalty_rate}}{{else}}prévu par nos conditions générales de vente ou, à défaut, {{statutory_rate}}{{/if}}, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} par facture ({{indemnity_law}}).
{{else}}
Je vous rappelle que nos conditions de vente prévoient un règlement à la date d'échéance indiquée sur la facture{{#if payment_terms}} ({{payment_terms}}){{/if}}.
{{/if}}

Je vous remercie de bien vouloir procéder au règlement {{#if total}}de la somme de {{total}}{{else}}{{#if several_invoices}}de ces factures{{else}}de cette facture{{/if}}{{/if}} dans les meilleurs délais{{#if next_step_date}}, et au plus tard le {{next_step_date}}{{/if}}.

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
Si vous rencontrez une difficulté, contactez-moi : nous pourrons convenir ensemble d'une solution, par exemple un règlement en plusieurs fois.
{{/if}}

{{payment_details}}

Si le règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.

Cordialement,
{{signature}}`,
  },

  further_reminder: {
    subject: 'Nouvelle relance – {{invoice_label}}',
    body: `{{greeting}}

Je reviens une nouvelle fois vers vous au sujet {{of_invoice_ref}}{{due_clause?}}, dont le règlement ne m'est toujours pas parvenu{{#if previous_reminders}}, malgré {{previous_reminders}}{{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
Pour rappel, des pénalités de retard{{#if penalty_rate}} au taux annuel de {{penalty_rate}}{{/if}} courent depuis le lendemain de l'échéance, et une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} est due pour chaque facture ({{penalty_and_indemnity_law}}).
{{/if}}

Je vous remercie de procéder au règlement{{#if total}} de {{total}}{{/if}}{{#if next_step_date}} d'ici le {{next_step_date}}{{/if}}.

{{#if next_step_date}}
Sans règlement de votre part à cette date, {{next_step_action}}.
{{/if}}

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
Si vous rencontrez une difficulté, je reste disponible pour convenir d'un échéancier.
{{/if}}

{{payment_details}}

Cordialement,
{{signature}}`,
  },

  formal_notice: {
    subject: 'Mise en demeure de payer – {{invoice_label}}',
    body: `{{formal_salutation}}

{{#if invoice_details}}
Sauf erreur de ma part, {{#if several_invoices}}les factures ci-dessous restent impayées{{else}}la facture ci-dessous reste impayée{{/if}} à ce jour{{#if previous_reminders}}, malgré {{previous_reminders}}{{/if}} :

{{invoice_details}}
{{else}}
Sauf erreur de ma part, {{invoice_ref}} {{#if several_invoices}}restent impayées{{else}}reste impayée{{/if}} à ce jour{{#if previous_reminders}}, malgré {{previous_reminders}}{{/if}}.
{{/if}}

{{#if claim_total}}
Par la présente, je vous mets en demeure de me régler la somme de {{claim_total}}, {{deadline}}. Cette somme se décompose comme suit :

{{claim_breakdown}}
{{else}}
Par la présente, je vous mets en demeure de me régler les sommes dues au titre {{of_invoice_ref}}, {{deadline}}.
{{/if}}

{{#if is_b2b}}
Les pénalités de retard sont dues de plein droit dès le lendemain de la date d'échéance, sans qu'un rappel soit nécessaire, et l'indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} est due pour chaque facture réglée après son échéance ({{penalty_and_indemnity_law}}).
{{else}}
Conformément à l'article 1344-1 du Code civil, la présente mise en demeure fait courir les intérêts au taux légal sur les sommes dues.
{{/if}}

{{payment_details}}

À défaut de règlement dans ce délai, je saisirai {{court}} d'une requête en injonction de payer afin d'obtenir le paiement des sommes dues, sans autre avis de ma part.

Je reste néanmoins à votre disposition pour convenir d'un règlement amiable, y compris d'un échéancier, si vous me contactez avant l'expiration de ce délai.

{{formal_closing}}`,
  },

  escalation: {
    subject: 'Récapitulatif de la créance{{#if client_name}} – {{client_name}}{{/if}} – requête en injonction de payer',
    body: `Récapitulatif de la créance – dossier de requête en injonction de payer

{{#if creditor_block}}
Créancier :
{{creditor_block}}
{{/if}}

{{#if debtor_block}}
Débiteur :
{{debtor_block}}
{{/if}}

{{#if invoice_details}}
{{#if several_invoices}}Factures impayées :{{else}}Facture impayée :{{/if}}
{{invoice_details}}
{{else}}
{{#if several_invoices}}Factures impayées{{else}}Facture impayée{{/if}} : {{invoice_numbers}}
{{/if}}

Somme réclamée : {{claim_total}}
{{claim_breakdown}}

Mise en demeure envoyée le {{formal_notice_date}}{{#if deadline_date}}, délai de paiement expiré le {{deadline_date}}{{/if}}.
Relances amiables : {{previous_reminder_dates}}.

Juridiction : {{court_name}} du lieu du domicile ou du siège du débiteur.

Établi le {{today}}{{#if sender_name}} par {{sender_name}}{{/if}}.`,
  },
};

/**
 * The wording of the other tones (defaults.ts `TONES_OF_STEP`). Friendly: a long-standing client or
 * a key account (the ladder softens firm steps for them); the legal mentions a B2B second reminder
 * must carry stay, worded as information. Firm: a client in bad faith (no "simple oubli", a direct
 * request for a date, in writing); the friendly-step rules still hold for the first reminder.
 */
export const FRENCH_TONE_VARIANTS: ToneVariants = {
  first_reminder: {
    firm: {
      subject: '{{invoice_label}} : date de règlement',
      body: `{{greeting}}

À ce jour, je n'ai pas reçu le règlement {{of_invoice_ref}}{{due_clause?}}.

{{invoice_details}}

Je vous remercie de me confirmer par écrit, en réponse à ce message, la date à laquelle le règlement{{#if total}} de {{total}}{{/if}} sera effectué.

${PLAN_OFFER}

{{payment_details}}

Si le règlement a été effectué entre-temps, merci de m'en indiquer la date, afin que je puisse le rapprocher de mes comptes.

Cordialement,
{{signature}}`,
    },
  },

  call: {
    firm: {
      subject: CALL_SUBJECT,
      body: `${CALL_HEADER}

Avant l'appel : ayez sous la main la facture, le devis signé ou le bon de commande, vos conditions de vente, les dates de vos relances et un calendrier. Prévoyez de quoi noter les réponses mot pour mot.

1. Présentez-vous et donnez la raison de l'appel : ${CALL_INTRODUCTION}, dont je n'ai toujours pas reçu le règlement. »
2. Demandez une date précise : « À quelle date le règlement sera-t-il effectué, et par quel moyen ? » Ne vous contentez pas d'une réponse vague (« c'est en cours », « la semaine prochaine ») : demandez la date, le montant et le nom de la personne qui s'en charge.
3. Si une raison est avancée, notez-la telle qu'elle est donnée. Si la facture est contestée, demandez le motif précis par écrit : une contestation se traite avant toute autre relance.
4. Obtenez un engagement : la date et le montant du règlement. Si le paiement intégral n'est pas possible, demandez un premier versement immédiat et un échéancier court.
5. Annoncez que vous confirmerez par écrit, le jour même, ce qui a été convenu, et fixez la date du prochain point.
6. Après l'appel, notez la date, l'heure, votre interlocuteur et ses réponses exactes, puis envoyez la confirmation écrite : ces notes gardent la trace de vos démarches.

Restez calme, courtois et factuel, même si l'échange se tend : pas de reproche, pas d'éclat de voix.`,
      voicemail: VOICEMAIL,
    },
  },

  call_follow_up: {
    friendly: {
      subject: '{{invoice_label}} – merci pour notre échange',
      body: `{{greeting}}

Merci pour notre échange téléphonique{{#if call_date}} du {{call_date}}{{/if}} au sujet {{of_invoice_ref}}{{#if total}} ({{total}}){{/if}}. Comme convenu, je vous résume ce que nous nous sommes dit, pour que nous ayons tous les deux les mêmes informations.

Vous m'avez fait part de la raison suivante : {{call_reason}}.

Le règlement{{#if promised_amount}} de {{promised_amount}}{{/if}} est prévu pour le {{promised_date}}, comme nous en avons convenu.
{{#if plan}}
Voici l'échéancier dont nous avons convenu :
{{#each plan}}
- {{date}} : {{amount}}
{{/each}}
{{else}}
{{#if promised_date}}
{{else}}

${PLAN_OFFER}
{{/if}}
{{/if}}

Nous avons également convenu de ce qui suit : {{call_agreement}}.

Je vous rappellerai le {{next_call_date}} pour faire le point ensemble.

{{invoice_details}}

{{payment_details}}

Merci encore pour votre disponibilité. N'hésitez pas à me contacter si vous avez la moindre question.

${CLOSING}`,
    },
  },

  second_reminder: {
    friendly: {
      subject: '{{invoice_label}} : où en est le règlement ?',
      body: `{{greeting}}

J'espère que vous allez bien. Je me permets de revenir vers vous au sujet {{of_invoice_ref}}{{due_clause?}} : sauf erreur de ma part, le règlement ne m'est pas encore parvenu.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
À titre d'information, conformément à nos conditions générales de vente et à {{penalty_law}}, les sommes réglées après l'échéance donnent lieu à des pénalités de retard au taux {{#if penalty_rate}}annuel de {{penalty_rate}}{{else}}prévu par nos conditions générales de vente ou, à défaut, {{statutory_rate}}{{/if}}, ainsi qu'à une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} par facture ({{indemnity_law}}). Je vous l'indique par simple souci de transparence : je souhaite avant tout que nous réglions cela simplement, entre nous.
{{else}}
Pour mémoire, le règlement était prévu à la date d'échéance indiquée sur la facture{{#if payment_terms}} ({{payment_terms}}){{/if}}.
{{/if}}

Pourriez-vous m'indiquer la date à laquelle le règlement{{#if total}} de {{total}}{{/if}} pourra intervenir{{#if next_step_date}}, idéalement d'ici le {{next_step_date}}{{/if}} ?

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
Si quelque chose bloque de votre côté (une validation interne, une question sur la facture ou sur la prestation), dites-le-moi simplement : nous trouverons ensemble une solution, par exemple un règlement en plusieurs fois.
{{/if}}

{{payment_details}}

Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message. Merci par avance, et encore merci pour votre confiance.

${CLOSING}`,
    },
  },

  further_reminder: {
    friendly: {
      subject: '{{invoice_label}} – trouvons une solution ensemble',
      body: `{{greeting}}

Je reviens vers vous au sujet {{of_invoice_ref}}{{due_clause?}}, dont le règlement ne m'est pas encore parvenu{{#if previous_reminders}} (je vous en avais parlé dans {{previous_reminders}}){{/if}}.${OVERSIGHT}

{{invoice_details}}

{{#if is_b2b}}
Pour mémoire, nos conditions générales de vente prévoient des pénalités de retard{{#if penalty_rate}} au taux annuel de {{penalty_rate}}{{/if}} à compter du lendemain de l'échéance, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} par facture ({{penalty_and_indemnity_law}}).
{{/if}}

Pourriez-vous me dire ce qui bloque, et à quelle date le règlement{{#if total}} de {{total}}{{/if}} pourra intervenir ?

{{#if next_step_date}}
Pour que les choses soient claires entre nous : sans règlement ni nouvelles de votre part d'ici le {{next_step_date}}, l'étape suivante sera {{next_step}}. Je préférerais de beaucoup que nous trouvions un arrangement d'ici là.
{{/if}}

{{#if offer_payment_plan}}
${PLAN_SENTENCE}
{{else}}
Si un règlement en une seule fois est difficile en ce moment, dites-le-moi : nous pouvons tout à fait convenir d'un échéancier.
{{/if}}

{{payment_details}}

Merci par avance pour votre retour.

${CLOSING}`,
    },
  },
};
