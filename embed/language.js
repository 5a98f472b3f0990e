// The language a widget will speak, decided before the wasm is there (the skeleton and a
// load failure speak it), as the widget decides it (src/browser/catalogue_files.rs).

import { RIGHT_TO_LEFT, WORDS } from '@messaging-quota/build';
import { attribute, flagOn } from './element.js';

/**
 * Its `locale`, else the page's language (unless it has a language menu), else the
 * browser's. `code` is the built-in language with that tag's language subtag, else English;
 * `lang` is the language its words will be in (a host's `messages-src` may add one), `dir`
 * the way they run.
 */
export function languageOf(element) {
  const followsPage = !flagOn(element, 'language-menu');
  const candidates = [attribute(element, 'locale'), followsPage ? document.documentElement.lang : null, navigator.language];
  for (const tag of candidates) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag?.trim() || undefined);
      if (!canonical) continue;
      const subtag = canonical.split('-')[0].toLowerCase();
      const code = Object.hasOwn(WORDS, subtag) ? subtag : 'en';
      // The words are in the tag's language when it has a catalogue (or a host's may add
      // it) or is English; otherwise they are English.
      const inLanguage = code !== 'en' || subtag === 'en' || attribute(element, 'messages-src')?.trim();
      const lang = inLanguage ? canonical : 'en';
      return { code, lang, dir: RIGHT_TO_LEFT.includes(lang.split('-')[0]) ? 'rtl' : 'ltr', words: WORDS[code] };
    } catch {
      // Not a language tag: the next candidate.
    }
  }
  return { code: 'en', lang: 'en', dir: 'ltr', words: WORDS.en };
}
