// Messaging Quota loader: one <script src=".../messaging-quota.js"> in the page's head
// mounts the widget into every <div data-messaging-quota> (now and later) and defines the
// <messaging-quota> element. Safe to load twice; the wasm module is loaded once, and only
// when a widget needs it: an embed waits until it comes within a viewport of being seen
// (`loading="eager"` starts at once). Until then each widget shows a light skeleton that
// takes the space the widget will take, so nothing on the page moves when it arrives.
// A classic script, run before the page is first painted, so the skeletons are there in
// the first frame; it is small, and everything else loads asynchronously. No inline script
// or style, so it runs under a strict Content Security Policy.
(() => {
performance.mark('messaging-quota:script-start');

// Where the loader was served from (also when a page loads it as a module).
const script = document.currentScript ?? document.querySelector('script[src*="messaging-quota.js"]');
const here = new URL('.', script?.src ?? location.href);
const KEY = Symbol.for('messaging-quota');

/** The attributes the widget reads (src/host/attributes.rs; a native test keeps them equal). */
const ATTRIBUTES = [
  'preset', 'tier', 'addons', 'inmail-blocks', 'sent', 'inmail-sent', 'today', 'billing-day',
  'need', 'need-inmail', 'min-tier', 'rules', 'rules-src', 'theme', 'locale', 'messages-src',
  'language-menu', 'sync-url', 'persist', 'sections', 'loading',
];

/**
 * The skeleton's busy label in each language the widget speaks: each catalogue's
 * `skeleton.label` (i18n/*.json; a native test keeps them equal). Here so that the
 * skeleton, shown before anything loads, speaks the widget's language. Key: "skeleton.label".
 */
const BUSY_LABELS = {
  en: "Loading the messaging quota calculator",
  de: "Der Rechner für Nachrichtenkontingente wird geladen",
  fr: "Chargement du calculateur de quota de messages",
  es: "Cargando la calculadora de cupo de mensajes",
  it: "Caricamento del calcolatore della quota di messaggi",
  nl: "De calculator voor berichtenquota wordt geladen",
  pt: "Carregando a calculadora de cota de mensagens",
  ja: "メッセージ上限の計算ツールを読み込んでいます",
  ar: "جارٍ تحميل حاسبة حصة الرسائل",
};

/**
 * The language a widget will speak, as the widget chooses it (src/browser/words.rs): its
 * `locale`, else the page's language (unless it has a language menu), else the browser's.
 * `code` is the built-in language with that tag's language subtag, else English; `lang` is
 * the language of its words, as the widget's root will say: a host's catalogue
 * (`messages-src`) may add a language the widget lacks.
 */
function languageOf(element) {
  const menu = attribute(element, 'language-menu');
  const followsPage = menu === null || ['false', '0', 'no', 'off'].includes(menu.trim().toLowerCase());
  const candidates = [attribute(element, 'locale'), followsPage ? document.documentElement.lang : null, navigator.language];
  for (const tag of candidates) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag?.trim() || undefined);
      if (!canonical) continue;
      const subtag = canonical.split('-')[0].toLowerCase();
      const code = Object.hasOwn(BUSY_LABELS, subtag) ? subtag : 'en';
      const lang = code !== 'en' || attribute(element, 'messages-src')?.trim() ? subtag : 'en';
      return { code, lang };
    } catch {
      // Not a language tag: the next candidate.
    }
  }
  return { code: 'en', lang: 'en' };
}

/** Languages written right to left (as src/text/languages.rs knows them). */
const RIGHT_TO_LEFT = ['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi'];

/**
 * Starts fetching the catalogue of the widget's language while the wasm loads (the widget
 * reads the same answer; English is built in).
 */
function prefetchWords(element) {
  const { code } = languageOf(element);
  if (code === 'en') return;
  const url = new URL(`i18n/${code}.json`, here).href;
  if (!shared.answers.has(url)) shared.answers.set(url, fetch(url));
}

/**
 * The space each part of the widget takes while it loads and once it is there, by the
 * width the widget has (container queries) and by its language (languages run longer or
 * shorter; the unqualified rules fit the longest, so also a language a host adds): the
 * skeleton and the widget share these rules, so the widget replaces its skeleton without
 * moving anything below it. Each part's height
 * is at least its content's with the shipped rules at every width (measured by
 * tests/browser/sizes.mjs). A constructed stylesheet: no request, and allowed under a
 * strict CSP, which governs style elements and attributes, not the CSSOM.
 */
const SIZING = `
:host { display: block; }
.mq-mount { all: initial; display: block; }
.mq-root {
  box-sizing: border-box; container-type: inline-size; display: flex; flex-direction: column;
  gap: 20px; padding: 16px; border: 1px solid transparent;
}
.mq-part { display: block; box-sizing: border-box; }
/* sizes:begin */
@container (width < 251px) { .mq-calculator { min-height: 2106px; } }
@container (width >= 251px) and (width < 266px) { .mq-calculator { min-height: 2063px; } }
@container (width >= 266px) and (width < 281px) { .mq-calculator { min-height: 2022px; } }
@container (width >= 281px) and (width < 286px) { .mq-calculator { min-height: 1982px; } }
@container (width >= 286px) and (width < 296px) { .mq-calculator { min-height: 1944px; } }
@container (width >= 296px) and (width < 311px) { .mq-calculator { min-height: 1776px; } }
@container (width >= 311px) and (width < 336px) { .mq-calculator { min-height: 1732px; } }
@container (width >= 336px) and (width < 366px) { .mq-calculator { min-height: 1692px; } }
@container (width >= 366px) and (width < 446px) { .mq-calculator { min-height: 1652px; } }
@container (width >= 446px) and (width < 511px) { .mq-calculator { min-height: 1547px; } }
@container (width >= 511px) and (width < 561px) { .mq-calculator { min-height: 1506px; } }
@container (width >= 561px) and (width < 596px) { .mq-calculator { min-height: 1464px; } }
@container (width >= 596px) and (width < 681px) { .mq-calculator { min-height: 1366px; } }
@container (width >= 681px) and (width < 761px) { .mq-calculator { min-height: 1348px; } }
@container (width >= 761px) and (width < 911px) { .mq-calculator { min-height: 966px; } }
@container (width >= 911px) and (width < 1036px) { .mq-calculator { min-height: 890px; } }
@container (width >= 1036px) and (width < 1216px) { .mq-calculator { min-height: 848px; } }
@container (width >= 1216px) { .mq-calculator { min-height: 772px; } }
@container (width < 261px) { .mq-compare { min-height: 1981px; } }
@container (width >= 261px) and (width < 271px) { .mq-compare { min-height: 1942px; } }
@container (width >= 271px) and (width < 291px) { .mq-compare { min-height: 1905px; } }
@container (width >= 291px) and (width < 296px) { .mq-compare { min-height: 1844px; } }
@container (width >= 296px) and (width < 301px) { .mq-compare { min-height: 1786px; } }
@container (width >= 301px) and (width < 311px) { .mq-compare { min-height: 1747px; } }
@container (width >= 311px) and (width < 336px) { .mq-compare { min-height: 1712px; } }
@container (width >= 336px) and (width < 361px) { .mq-compare { min-height: 1677px; } }
@container (width >= 361px) and (width < 446px) { .mq-compare { min-height: 1649px; } }
@container (width >= 446px) and (width < 506px) { .mq-compare { min-height: 1604px; } }
@container (width >= 506px) and (width < 561px) { .mq-compare { min-height: 1566px; } }
@container (width >= 561px) and (width < 646px) { .mq-compare { min-height: 1193px; } }
@container (width >= 646px) and (width < 691px) { .mq-compare { min-height: 1198px; } }
@container (width >= 691px) and (width < 726px) { .mq-compare { min-height: 1165px; } }
@container (width >= 726px) and (width < 761px) { .mq-compare { min-height: 1133px; } }
@container (width >= 761px) and (width < 776px) { .mq-compare { min-height: 1090px; } }
@container (width >= 776px) and (width < 856px) { .mq-compare { min-height: 1087px; } }
@container (width >= 856px) and (width < 941px) { .mq-compare { min-height: 1121px; } }
@container (width >= 941px) and (width < 1096px) { .mq-compare { min-height: 1146px; } }
@container (width >= 1096px) and (width < 1171px) { .mq-compare { min-height: 1180px; } }
@container (width >= 1171px) and (width < 1261px) { .mq-compare { min-height: 1209px; } }
@container (width >= 1261px) and (width < 1336px) { .mq-compare { min-height: 1244px; } }
@container (width >= 1336px) { .mq-compare { min-height: 1258px; } }
@container (width < 296px) { .mq-demo { min-height: 1411px; } }
@container (width >= 296px) and (width < 311px) { .mq-demo { min-height: 1367px; } }
@container (width >= 311px) and (width < 331px) { .mq-demo { min-height: 1331px; } }
@container (width >= 331px) and (width < 366px) { .mq-demo { min-height: 1266px; } }
@container (width >= 366px) and (width < 456px) { .mq-demo { min-height: 1213px; } }
@container (width >= 456px) and (width < 521px) { .mq-demo { min-height: 1165px; } }
@container (width >= 521px) and (width < 561px) { .mq-demo { min-height: 1126px; } }
@container (width >= 561px) and (width < 681px) { .mq-demo { min-height: 975px; } }
@container (width >= 681px) and (width < 761px) { .mq-demo { min-height: 914px; } }
@container (width >= 761px) { .mq-demo { min-height: 610px; } }
@container (width < 276px) { .mq-rules { min-height: 1998px; } }
@container (width >= 276px) and (width < 296px) { .mq-rules { min-height: 1962px; } }
@container (width >= 296px) and (width < 331px) { .mq-rules { min-height: 1674px; } }
@container (width >= 331px) and (width < 346px) { .mq-rules { min-height: 1640px; } }
@container (width >= 346px) and (width < 391px) { .mq-rules { min-height: 1599px; } }
@container (width >= 391px) and (width < 401px) { .mq-rules { min-height: 1529px; } }
@container (width >= 401px) and (width < 446px) { .mq-rules { min-height: 1477px; } }
@container (width >= 446px) and (width < 466px) { .mq-rules { min-height: 1405px; } }
@container (width >= 466px) and (width < 526px) { .mq-rules { min-height: 1365px; } }
@container (width >= 526px) and (width < 596px) { .mq-rules { min-height: 1317px; } }
@container (width >= 596px) and (width < 606px) { .mq-rules { min-height: 1261px; } }
@container (width >= 606px) and (width < 701px) { .mq-rules { min-height: 1217px; } }
@container (width >= 701px) and (width < 901px) { .mq-rules { min-height: 1166px; } }
@container (width >= 901px) { .mq-rules { min-height: 1063px; } }
@container (width < 256px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1960px; } }
@container (width >= 256px) and (width < 266px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1903px; } }
@container (width >= 266px) and (width < 296px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1841px; } }
@container (width >= 296px) and (width < 341px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1673px; } }
@container (width >= 341px) and (width < 381px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1603px; } }
@container (width >= 381px) and (width < 406px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1563px; } }
@container (width >= 406px) and (width < 446px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1523px; } }
@container (width >= 446px) and (width < 561px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1465px; } }
@container (width >= 561px) and (width < 596px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1424px; } }
@container (width >= 596px) and (width < 761px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 1328px; } }
@container (width >= 761px) and (width < 831px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 924px; } }
@container (width >= 831px) and (width < 911px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 884px; } }
@container (width >= 911px) and (width < 1216px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 848px; } }
@container (width >= 1216px) { .mq-root:is(:lang(en), :lang(ja)) .mq-calculator { min-height: 752px; } }
@container (width < 261px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1765px; } }
@container (width >= 261px) and (width < 291px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1730px; } }
@container (width >= 291px) and (width < 296px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1690px; } }
@container (width >= 296px) and (width < 361px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1621px; } }
@container (width >= 361px) and (width < 431px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1611px; } }
@container (width >= 431px) and (width < 441px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1611px; } }
@container (width >= 441px) and (width < 446px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1572px; } }
@container (width >= 446px) and (width < 526px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1522px; } }
@container (width >= 526px) and (width < 561px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1503px; } }
@container (width >= 561px) and (width < 641px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1110px; } }
@container (width >= 641px) and (width < 656px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1115px; } }
@container (width >= 656px) and (width < 751px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1075px; } }
@container (width >= 751px) and (width < 761px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1077px; } }
@container (width >= 761px) and (width < 831px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1076px; } }
@container (width >= 831px) and (width < 1006px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1111px; } }
@container (width >= 1006px) and (width < 1126px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1145px; } }
@container (width >= 1126px) and (width < 1196px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1178px; } }
@container (width >= 1196px) and (width < 1266px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1211px; } }
@container (width >= 1266px) and (width < 1336px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1244px; } }
@container (width >= 1336px) { .mq-root:is(:lang(en), :lang(ja)) .mq-compare { min-height: 1258px; } }
@container (width < 286px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 1270px; } }
@container (width >= 286px) and (width < 311px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 1222px; } }
@container (width >= 311px) and (width < 411px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 1165px; } }
@container (width >= 411px) and (width < 486px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 1100px; } }
@container (width >= 486px) and (width < 561px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 1057px; } }
@container (width >= 561px) and (width < 596px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 931px; } }
@container (width >= 596px) and (width < 761px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 883px; } }
@container (width >= 761px) { .mq-root:is(:lang(en), :lang(ja)) .mq-demo { min-height: 605px; } }
@container (width < 286px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1936px; } }
@container (width >= 286px) and (width < 296px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1900px; } }
@container (width >= 296px) and (width < 346px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1540px; } }
@container (width >= 346px) and (width < 391px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1471px; } }
@container (width >= 391px) and (width < 446px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1429px; } }
@container (width >= 446px) and (width < 521px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1317px; } }
@container (width >= 521px) and (width < 591px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1249px; } }
@container (width >= 591px) and (width < 596px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1207px; } }
@container (width >= 596px) and (width < 726px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1151px; } }
@container (width >= 726px) and (width < 901px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1122px; } }
@container (width >= 901px) { .mq-root:is(:lang(en), :lang(ja)) .mq-rules { min-height: 1063px; } }
@container (width < 261px) { .mq-root:lang(ar) .mq-calculator { min-height: 1944px; } }
@container (width >= 261px) and (width < 276px) { .mq-root:lang(ar) .mq-calculator { min-height: 1902px; } }
@container (width >= 276px) and (width < 296px) { .mq-root:lang(ar) .mq-calculator { min-height: 1860px; } }
@container (width >= 296px) and (width < 321px) { .mq-root:lang(ar) .mq-calculator { min-height: 1692px; } }
@container (width >= 321px) and (width < 346px) { .mq-root:lang(ar) .mq-calculator { min-height: 1652px; } }
@container (width >= 346px) and (width < 391px) { .mq-root:lang(ar) .mq-calculator { min-height: 1602px; } }
@container (width >= 391px) and (width < 411px) { .mq-root:lang(ar) .mq-calculator { min-height: 1560px; } }
@container (width >= 411px) and (width < 446px) { .mq-root:lang(ar) .mq-calculator { min-height: 1521px; } }
@container (width >= 446px) and (width < 561px) { .mq-root:lang(ar) .mq-calculator { min-height: 1465px; } }
@container (width >= 561px) and (width < 596px) { .mq-root:lang(ar) .mq-calculator { min-height: 1424px; } }
@container (width >= 596px) and (width < 761px) { .mq-root:lang(ar) .mq-calculator { min-height: 1328px; } }
@container (width >= 761px) and (width < 831px) { .mq-root:lang(ar) .mq-calculator { min-height: 944px; } }
@container (width >= 831px) and (width < 911px) { .mq-root:lang(ar) .mq-calculator { min-height: 904px; } }
@container (width >= 911px) and (width < 1216px) { .mq-root:lang(ar) .mq-calculator { min-height: 848px; } }
@container (width >= 1216px) { .mq-root:lang(ar) .mq-calculator { min-height: 752px; } }
@container (width < 296px) { .mq-root:lang(ar) .mq-compare { min-height: 1691px; } }
@container (width >= 296px) and (width < 336px) { .mq-root:lang(ar) .mq-compare { min-height: 1621px; } }
@container (width >= 336px) and (width < 356px) { .mq-root:lang(ar) .mq-compare { min-height: 1590px; } }
@container (width >= 356px) and (width < 446px) { .mq-root:lang(ar) .mq-compare { min-height: 1559px; } }
@container (width >= 446px) and (width < 561px) { .mq-root:lang(ar) .mq-compare { min-height: 1490px; } }
@container (width >= 561px) and (width < 656px) { .mq-root:lang(ar) .mq-compare { min-height: 1014px; } }
@container (width >= 656px) and (width < 731px) { .mq-root:lang(ar) .mq-compare { min-height: 1047px; } }
@container (width >= 731px) and (width < 761px) { .mq-root:lang(ar) .mq-compare { min-height: 1059px; } }
@container (width >= 761px) and (width < 836px) { .mq-root:lang(ar) .mq-compare { min-height: 1014px; } }
@container (width >= 836px) and (width < 946px) { .mq-root:lang(ar) .mq-compare { min-height: 1038px; } }
@container (width >= 946px) and (width < 1021px) { .mq-root:lang(ar) .mq-compare { min-height: 1071px; } }
@container (width >= 1021px) and (width < 1096px) { .mq-root:lang(ar) .mq-compare { min-height: 1105px; } }
@container (width >= 1096px) and (width < 1171px) { .mq-root:lang(ar) .mq-compare { min-height: 1138px; } }
@container (width >= 1171px) and (width < 1246px) { .mq-root:lang(ar) .mq-compare { min-height: 1171px; } }
@container (width >= 1246px) and (width < 1321px) { .mq-root:lang(ar) .mq-compare { min-height: 1205px; } }
@container (width >= 1321px) { .mq-root:lang(ar) .mq-compare { min-height: 1225px; } }
@container (width < 271px) { .mq-root:lang(ar) .mq-demo { min-height: 1283px; } }
@container (width >= 271px) and (width < 321px) { .mq-root:lang(ar) .mq-demo { min-height: 1213px; } }
@container (width >= 321px) and (width < 401px) { .mq-root:lang(ar) .mq-demo { min-height: 1165px; } }
@container (width >= 401px) and (width < 501px) { .mq-root:lang(ar) .mq-demo { min-height: 1096px; } }
@container (width >= 501px) and (width < 561px) { .mq-root:lang(ar) .mq-demo { min-height: 1057px; } }
@container (width >= 561px) and (width < 761px) { .mq-root:lang(ar) .mq-demo { min-height: 883px; } }
@container (width >= 761px) { .mq-root:lang(ar) .mq-demo { min-height: 583px; } }
@container (width < 281px) { .mq-root:lang(ar) .mq-rules { min-height: 1936px; } }
@container (width >= 281px) and (width < 296px) { .mq-root:lang(ar) .mq-rules { min-height: 1900px; } }
@container (width >= 296px) and (width < 341px) { .mq-root:lang(ar) .mq-rules { min-height: 1540px; } }
@container (width >= 341px) and (width < 391px) { .mq-root:lang(ar) .mq-rules { min-height: 1471px; } }
@container (width >= 391px) and (width < 446px) { .mq-root:lang(ar) .mq-rules { min-height: 1429px; } }
@container (width >= 446px) and (width < 511px) { .mq-root:lang(ar) .mq-rules { min-height: 1297px; } }
@container (width >= 511px) and (width < 566px) { .mq-root:lang(ar) .mq-rules { min-height: 1249px; } }
@container (width >= 566px) and (width < 596px) { .mq-root:lang(ar) .mq-rules { min-height: 1207px; } }
@container (width >= 596px) and (width < 711px) { .mq-root:lang(ar) .mq-rules { min-height: 1151px; } }
@container (width >= 711px) and (width < 901px) { .mq-root:lang(ar) .mq-rules { min-height: 1122px; } }
@container (width >= 901px) { .mq-root:lang(ar) .mq-rules { min-height: 1043px; } }
/* sizes:end */
.mq-skeleton {
  color-scheme: light;
  background: var(--mq-bg, light-dark(#ffffff, #1b1f23));
  border-color: var(--mq-border, light-dark(#d0d5da, #434a52));
  border-radius: calc(var(--mq-radius, 10px) + 4px);
}
.mq-skeleton[data-theme="dark"] { color-scheme: dark; }
.mq-skeleton[data-theme="auto"] { color-scheme: light dark; }
.mq-skeleton .mq-part {
  border-radius: var(--mq-radius, 10px);
  background: var(--mq-surface, light-dark(#f4f2ee, #262b31));
}
@media (prefers-reduced-motion: no-preference) {
  .mq-skeleton .mq-part { animation: mq-pulse 1.6s ease-in-out infinite alternate; }
}
@keyframes mq-pulse { from { opacity: 1; } to { opacity: 0.55; } }
`;

/** The widget's parts, in the order they show, and the `sections` names that enable them. */
const PARTS = ['calculator', 'compare', 'demo', 'rules'];

/**
 * Readies Intl, which the widget writes every number and date with, while the wasm loads.
 * The first Intl.NumberFormat in a renderer process builds V8's list of available locales:
 * 20–50 ms on the test machine, over 100 ms at 4x CPU slowdown, in one call that cannot be
 * split. A worker (messaging-quota-intl.js) does it on its own thread, and the process
 * keeps the result, so the page's main thread never pays it. Browsers start workers only
 * from the page's own origin: where the loader is served from elsewhere, or a policy
 * forbids workers, the main thread does it, each step in a task of its own.
 */
function warmIntl() {
  const offMainThread = new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL('messaging-quota-intl.js', here));
    } catch {
      resolve();
      return;
    }
    worker.onmessage = worker.onerror = () => {
      worker.terminate();
      resolve();
    };
  });
  const task = (step) => new Promise((resolve) => setTimeout(() => resolve(step()), 0));
  // After the worker, each is a fraction of a millisecond; without it, the fallback.
  return offMainThread
    .then(() => task(() => new Intl.NumberFormat().format(0)))
    .then(() => task(() => new Intl.DateTimeFormat().format(0)));
}

/** Loads the wasm module: its bindings and its binary are fetched together, Intl readied meanwhile. */
function loadModule() {
  const binary = fetch(new URL('wasm/messaging-quota_bg.wasm', here));
  const ready = import(new URL('wasm/messaging-quota.js', here).href).then(async (api) => {
    await api.default({ module_or_path: binary });
    // The default rules are read in a task apart from instantiation and from the mount:
    // measured, it takes about a third off the longest task at 4x CPU (tests/browser/host.mjs).
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.prepare();
    return api;
  });
  const warmed = warmIntl();
  return Promise.all([ready, warmed]).then(([api]) => {
    performance.mark('messaging-quota:wasm-ready');
    return api;
  });
}

const shared = (globalThis[KEY] ??= {
  // The first copy of this script to run owns the module and the widgets; later copies
  // reuse them.
  module: null,
  stylesheet: new URL('messaging-quota.css', here).href,
  sizing: null,
  widgets: new WeakMap(),
  // Catalogue fetches by URL, shared with the widgets.
  answers: new Map(),
});

/** The wasm module, loaded on first need and shared by every widget. */
function module() {
  return (shared.module ??= loadModule());
}

function sizingSheet() {
  if (!shared.sizing) {
    shared.sizing = new CSSStyleSheet();
    shared.sizing.replaceSync(SIZING);
  }
  return shared.sizing;
}

const isCustomElement = (element) => element.localName.includes('-');

/** The widget's attributes as [name, value] pairs, `data-` prefixes dropped. */
function attributesOf(element) {
  const prefixed = !isCustomElement(element);
  return Array.from(element.attributes)
    .filter((a) => !prefixed || a.name.startsWith('data-'))
    .map((a) => [prefixed ? a.name.slice(5) : a.name, a.value]);
}

function attribute(element, name) {
  return element.getAttribute(isCustomElement(element) ? name : `data-${name}`);
}

/** The parts `sections` enables (all when it names none the widget knows). */
function partsOf(element) {
  const named = (attribute(element, 'sections') ?? '').split(',').map((s) => s.trim());
  const on = PARTS.filter((p) => named.includes(p));
  return on.length ? on : PARTS;
}

/** The skeleton: the parts' reserved space, marked busy for assistive technology. */
function skeleton(element) {
  const root = document.createElement('div');
  root.className = 'mq-root mq-skeleton';
  root.setAttribute('role', 'status');
  root.setAttribute('aria-busy', 'true');
  // The language decides the space each part takes (the sizing rules below).
  const { code, lang } = languageOf(element);
  root.setAttribute('aria-label', BUSY_LABELS[code]);
  root.lang = lang;
  root.dir = RIGHT_TO_LEFT.includes(lang) ? 'rtl' : 'ltr';
  const theme = attribute(element, 'theme');
  if (theme) root.dataset.theme = theme;
  for (const part of partsOf(element)) {
    const box = document.createElement('div');
    box.className = `mq-part mq-${part}`;
    root.append(box);
  }
  return root;
}

// Widgets near the viewport start loading; the margin gives them a viewport's head start.
const nearView = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) {
      nearView.unobserve(entry.target);
      start(entry.target);
    }
  }
}, { rootMargin: '100% 0px 100% 0px' });

/** Sets a widget up: its shadow root, the sizing rules and the skeleton; starts it when due. */
function connect(element) {
  const known = shared.widgets.get(element);
  if (known) {
    // Moved (removed and added again in one task): the same widget carries on.
    known.leaving = false;
    return;
  }
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sizingSheet()];
  const container = document.createElement('div');
  container.className = 'mq-mount';
  container.append(skeleton(element));
  root.replaceChildren(container);
  const widget = { root, container, handle: null, starting: false, leaving: false };
  shared.widgets.set(element, widget);
  const loading = attribute(element, 'loading');
  if (loading === 'eager') start(element);
  else nearView.observe(element);
}

/** Loads what the widget needs, then mounts it in place of its skeleton. */
async function start(element) {
  const widget = shared.widgets.get(element);
  if (!widget || widget.starting) return;
  widget.starting = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = shared.stylesheet;
  const styled = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  widget.root.prepend(link);
  prefetchWords(element);
  const [api] = await Promise.all([module(), styled]);
  // Mount in a task of its own, apart from the module's compilation.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (shared.widgets.get(element) !== widget || !element.isConnected) return;
  performance.mark('messaging-quota:mount');
  widget.handle = api.mount(widget.container, element, attributesOf(element), here.href, shared.answers);
  if (element.hasAttribute('data-post-height')) postHeight();
}

/** The element left the page; unless it comes back in the same task, the widget goes. */
function disconnect(element) {
  const widget = shared.widgets.get(element);
  if (!widget) return;
  widget.leaving = true;
  queueMicrotask(() => {
    if (widget.leaving && !element.isConnected) teardown(element, widget);
  });
}

/** Frees everything the widget holds: its app, timers, fetches, observer and shadow content. */
function teardown(element, widget) {
  nearView.unobserve(element);
  shared.widgets.delete(element);
  widget.handle?.destroy();
  widget.handle = null;
  widget.root.replaceChildren();
  widget.root.adoptedStyleSheets = [];
}

/** In an iframe, tells the parent page the document's height whenever it changes. */
function postHeight() {
  if (window.parent === window || shared.postingHeight) return;
  shared.postingHeight = true;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'messaging-quota:height', height }, '*');
    }
  }).observe(document.documentElement);
}

const SELECTOR = '[data-messaging-quota]';

function scan(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  if (node.matches(SELECTOR)) connect(node);
  node.querySelectorAll(SELECTOR).forEach(connect);
}

function scanRemoved(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  if (node.matches(SELECTOR) && !node.isConnected) disconnect(node);
  node.querySelectorAll(SELECTOR).forEach((el) => { if (!el.isConnected) disconnect(el); });
}

if (!shared.observing) {
  shared.observing = true;
  // No need to wait for the whole page: the observer also sees the parser add elements.
  scan(document.documentElement);
  new MutationObserver((records) => {
    for (const record of records) {
      record.removedNodes.forEach(scanRemoved);
      record.addedNodes.forEach(scan);
      // A mount point's own data- attributes changed.
      if (record.type === 'attributes' && record.target.matches?.(SELECTOR)) changed(record.target);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributeFilter: ATTRIBUTES.map((a) => `data-${a}`),
  });

  if (!customElements.get('messaging-quota')) {
    customElements.define('messaging-quota', class extends HTMLElement {
      static observedAttributes = ATTRIBUTES;
      connectedCallback() { connect(this); }
      disconnectedCallback() { disconnect(this); }
      attributeChangedCallback() { if (this.isConnected) changed(this); }
    });
  }
}

/** The host changed the widget's attributes: a mounted widget applies them. */
function changed(element) {
  const widget = shared.widgets.get(element);
  if (widget?.handle) widget.handle.update(attributesOf(element));
}
})();
