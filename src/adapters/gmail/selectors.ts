/**
 * EVERY Gmail DOM selector the adapter uses, in one place, so a Gmail change is fixed here.
 *
 * Sources are the keys of /work/shared/gmail/dom-facts.md (GJS = gmail.js, SDK = InboxSDK,
 * CAPxx = real DOM copies, SEL = automation scripts, FRSCRIPT = French Playwright script,
 * NOTES26 = third-party notes, Sep 2026). "Checked" = the date the facts were gathered for Relance
 * (2026). Confidence: H several sources / maintained library code, M one good source, L inferred.
 *
 * Rules (why): anchor on roles, `data-*`, `name=`/`email=` attributes before Gmail's obfuscated
 * classes; never match localized text; and scope every query to the VISIBLE thread container,
 * because Gmail keeps hidden copies of earlier threads and the inbox rows in the DOM.
 * The fixture (tests/fixtures/gmail/render.ts) renders an element for each selector — named below.
 */

// ---------------------------------------------------------------- thread

/**
 * Thread subject heading carrying the legacy thread id. GJS `h2[data-legacy-thread-id]` (2018-04-24,
 * still at HEAD 2026-03), SDK getThreadID; class `hP` per GJS/SDK `.ha h2`. H. We anchor on the data
 * attribute, not the class; only the visible one counts (hidden copies stay in the DOM).
 * Fixture: `h2.hP[data-legacy-thread-id][data-thread-perm-id]` in `.ha`.
 */
export const THREAD_SUBJECT = 'h2[data-legacy-thread-id]';
export const THREAD_ID_ATTR = 'data-legacy-thread-id';

/** Gmail's main column; preferred scope when several visible subjects exist. Many extensions, SDK. H. Fixture: `div.nH[role=main]`. */
export const MAIN = '[role=main]';

/**
 * Thread container: SDK getThreadContainerElement `[role=main] .g.id .a98.iY` (selector_2023_11_16). H,
 * but class-based, so read-thread falls back to "nearest ancestor of the subject holding the message list".
 * Fixture: `div.nH.a98.iY` inside `div.nH.g.id`.
 */
export const THREAD_CONTAINER = '.a98.iY';

/**
 * One listitem per message: SDK (`[role=list]`, `.h7` parent), CAP16; NOTES26. H (roles).
 * Fixture: `div.nH[role=list] > div[role=listitem]` (`.h7` expanded, `.kv` collapsed).
 */
export const MESSAGE_ITEMS = '[role=list] > [role=listitem]';

/** Collapsed message listitem class (SDK getViewState; CAP16). H. Fixture: `div[role=listitem].kv`. */
export const COLLAPSED_CLASS = 'kv';

/**
 * Message header/container, expanded (`div.adn.ads`) or collapsed (`div.adf.ads`): GJS view_email
 * `div.adn.ads`, SDK; NOTES26 (`.adf`). H (adn), M (adf). Fixture: both.
 */
export const MESSAGE_SCOPE = '.ads';

/**
 * Message id holder: `[data-message-id]` ("#msg-f:…"/"#msg-a:r…") on `div.adn`. GJS (2020-11-02),
 * SDK. H. Collapsed messages have none (dom-facts). Fixture: `div.adn.ads[data-message-id][data-legacy-message-id]`.
 */
export const MESSAGE_ID_HOLDER = '[data-message-id]';
export const MESSAGE_ID_ATTR = 'data-message-id';

/** Sender: GJS `span[email].gD`, SDK `td.gF span[email]`, CAP25 (`email`,`name`,`data-hovercard-id`). H. Fixture: `span.gD[email][name]`. */
export const SENDER = 'span.gD[email], td.gF span[email]';

/**
 * Recipients line (to + cc together, the account as name="me"/"moi"): GJS `span.hb` + `span[email].g2`,
 * SDK getRecipients `.hb span[email]`, CAP25. H (EN), L (FR words; we read attributes only).
 * Fixture: `span.hb span.g2[email][name]`.
 */
export const RECIPIENTS = '.hb span[email]';

/** Full date in `title`: SDK getDateString `.ads .gK .g3`, GJS `span.g3`, CAP25. H (anchor). Fixture: `span.g3[title]`. */
export const MESSAGE_DATE = 'span.g3[title], .gK .g3[title]';

/**
 * Message body: `div.ii.gt > div.a3s` (GJS `div.a3s`, SDK getContentsElement `div.ii.gt`, CAP23/25). H.
 * Gmail follows it with a hidden empty `div.ii.gt[style=display:none] > div.a3s` — we take the
 * visible, non-empty one. Fixture: both.
 */
export const MESSAGE_BODY = '.ii.gt > .a3s';

/**
 * Quoted history and Gmail's "trimmed content" UI, excluded from bodyText: `div.gmail_quote`
 * (+`.gmail_quote_container` 2024+), `div.gmail_attr`, `blockquote.gmail_quote` (CAPBODY 2025,
 * SDK isElementInQuotedArea), trimmed nodes `div.adL` / `.h5` behind `div.yj6qo > div.ajR[role=button]`
 * (CAPQ 2019–2024). H (EN), M (FR label — irrelevant, we match classes).
 * Fixture: `div.yj6qo.ajU > div.ajR[role=button]` + `div.adL > div.gmail_quote.gmail_quote_container`.
 */
export const QUOTED = '.gmail_quote, .gmail_attr, blockquote.gmail_quote, .adL, .h5, .yj6qo, .ajR';

/**
 * Attachment chips: GJS `div.hq.gt div.aQH span.aZo` (2016-12-08, at HEAD 2026-03), SDK card view, CAP23. H.
 * File name: `span.aV3` (GJS, SDK), else the `download_url` attribute "<mime>:<name>:<url>" (Chrome only).
 * Fixture: `div.hq.gt > div.aQH > span.aZo[download_url]` with `span.aV3`.
 */
export const ATTACHMENT_CHIP = '.hq.gt .aQH span.aZo, .hq .aZo';
export const ATTACHMENT_NAME = '.aV3';
export const ATTACHMENT_URL_ATTR = 'download_url';

// ---------------------------------------------------------------- account

/**
 * Account address from document.title "<subject or Inbox (n)> - <email> - Gmail" (NOTES26, M), else
 * the account button `aria-label="Google Account: Name (email)"` / "Compte Google : …" (L; we only take
 * the "(email)" part, whatever the language). Fixture: `<title>` and `header#gb a.gb_A[aria-label]`.
 */
export const TITLE_ACCOUNT = /\s-\s([^\s@<>()]+@[^\s@<>()]+\.[^\s<>()]+)\s-\sGmail\s*$/i;
export const ACCOUNT_BUTTON = 'header [aria-label*="@"], [role=banner] [aria-label*="@"]';
export const ACCOUNT_LABEL_EMAIL = /\(\s*([^\s@()]+@[^\s@()]+)\s*\)\s*$/;

// ---------------------------------------------------------------- reply / compose

/**
 * Thread footer Reply: `.amn span.ams.bkH[role=link]` (SEL several with jslog, SDK `.amn`, CAP16). H (classes).
 * Text is localized ("Reply"/"Répondre") — not used. Fixture: `div.amn > span.ams.bkH[role=link]`.
 */
export const FOOTER_REPLY = '.amn .ams.bkH[role=link], .ams.bkH';

/**
 * Per-message Reply button: GJS reply_button `div[role=button].aaq, div[role=button].bsQ` (2024-03-04),
 * CAP25 (`div.T-I…aaq[role=button][aria-label="Reply"]`). H. Fixture: `div.aaq[role=button]` in `td.gH.acX`.
 */
export const MESSAGE_REPLY = 'div[role=button].aaq, div[role=button].bsQ';

/**
 * Inline reply container in the last message: `.ip` (gets `adB` when open; SDK #setupReplyStream). H.
 * Fixture: `div.gA.gt.acV > div.gB.xu > div.ip.iq`.
 */
export const INLINE_REPLY_CONTAINER = '.ip';

/** Compose root: GJS `div.M9`, SDK (inline reply `.ip .M9`, `.aaZ > .M9 > .aoI`). H. Fixture: `div.M9`. */
export const COMPOSE_ROOT = '.M9';

/**
 * Compose body: SDK getMaybeBodyElement `.Ap [g_editable=true]`; GJS `div[contenteditable=true]`;
 * CAPBODY 2025; role/aria-multiline per CAPBODY. aria-label is localized ("Message Body"/"Corps du
 * message", FRSCRIPT) so we never match it. H. Fixture: `div.Am.editable[contenteditable=true][role=textbox][g_editable=true]`.
 */
export const COMPOSE_BODY = '[g_editable=true][contenteditable=true], [contenteditable=true][role=textbox]';

/**
 * Gmail signature inside the compose body: `span.gmail_signature_prefix` "-- " then
 * `div.gmail_signature[data-smartmail=gmail_signature]` (CAPBODY, SDK). H. Fixture: both.
 */
export const SIGNATURE = '.gmail_signature_prefix, .gmail_signature, [data-smartmail=gmail_signature]';

/**
 * Peoplekit To field (2021+): `[name=to]` container (`div.anm[name=to]`), input `input[peoplekit-id]`
 * (`input.agP.aFw[peoplekit-id="BbVjBd"][role=combobox]`, SEL/GJS 2021-11-10), chips
 * `[role=listbox] [role=option][data-hovercard-id]` (SDK page-parser getRecipientChips 2024-05-17). H.
 * Fixture: `div.anm[name=to]` with `div[role=listbox] > div[role=option][data-name][data-hovercard-id]` and the input.
 */
export const TO_FIELD = '[name=to]';
export const TO_INPUT = 'input[peoplekit-id], input[role=combobox]';
export const TO_CHIP = '[role=option][data-hovercard-id]';
export const CHIP_EMAIL_ATTR = 'data-hovercard-id';
/**
 * Chip remove control. NOT in dom-facts: assumed to be a `[role=button]` inside the chip (L, unverified).
 * Used only when draft.to must drop a recipient Gmail pre-filled. Fixture: `div.afX[role=button]` in the chip.
 */
export const CHIP_REMOVE = '[role=button]';

/**
 * Collapsed recipients summary of an inline reply, clicked to reveal the To field: `div.aoD.hl`
 * (dom-facts "To field", M). Fixture: `div.aoD.hl[role=button]`, To row hidden until clicked.
 */
export const RECIPIENT_SUMMARY = '.aoD.hl';

/** Subject input: GJS `subjectbox`, SDK getSubjectInput `input[name=subjectbox]`; hidden "Re: …" in inline replies. H. Fixture: `input.aoT[name=subjectbox]`. */
export const SUBJECT_INPUT = 'input[name=subjectbox]';

/** Compose button: SDK getComposeButton `[gh=cm]`, GJS. H. Fixture: `div.T-I.T-I-KE.L3[role=button][gh=cm]`. */
export const COMPOSE_BUTTON = '[gh=cm]';

/** New-message window: `div.nH.Hd[role=dialog]` (JSMIN, SDK compose stream). H. Fixture: same, in `div.dw … div.no`. */
export const COMPOSE_DIALOG = '[role=dialog]';

// ---------------------------------------------------------------- search results ("Find my invoices")

/**
 * Result/inbox rows (checked 2026-11): dom-facts "Inbox rows" `[gh=tl] tbody > tr.zA[role=row]`
 * (GJS visible_messages, SDK row view, SEL). H. Gmail keeps the rows of earlier lists in the DOM,
 * hidden, so only visible rows count. Fixture: `div[gh=tl] tr.zA[role=row]` in the search view.
 */
export const RESULT_ROW = 'tr.zA[role=row]';

/**
 * A row's thread ids (checked 2026-11): `span[data-thread-id="#thread-f:…"][data-legacy-thread-id]`
 * (SDK row view, GJS). H. Fixture: the same span inside `span.bog`.
 */
export const RESULT_ROW_IDS = 'span[data-thread-id][data-legacy-thread-id]';
