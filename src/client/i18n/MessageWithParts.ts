/**
 * A message with components in its placeholders: `footer.contact` is "Bel ons op {phone}", and
 * the phone number is a link. The app uses petite-vue-i18n (issue 16: 2.6 KiB less of every
 * page's first load than vue-i18n), which has no `<i18n-t>`; this is the part of it we use.
 *
 * Each named slot fills the placeholder of the same name. The message is translated with a
 * marker for every slot, so the translation decides where the parts go (word order differs
 * between languages), then split on the markers.
 */
import { defineComponent, h, type VNodeArrayChildren } from 'vue';
import { useI18n } from 'petite-vue-i18n';

/** Never in a translation: a text may not contain U+0000. */
const MARK = '\u0000';

export default defineComponent({
  name: 'MessageWithParts',
  props: {
    /** The message's key in the app's catalogue (global scope). */
    keypath: { type: String, required: true },
    /** The element around the message. */
    tag: { type: String, default: 'span' },
  },
  setup(props, { slots }) {
    const { t } = useI18n({ useScope: 'global' });
    return () => {
      const names = Object.keys(slots);
      const marked = t(props.keypath, Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`])));
      // Even pieces are text, odd pieces the number of a slot.
      const children: VNodeArrayChildren = marked
        .split(MARK)
        .map((piece, i) => (i % 2 === 0 ? piece : (slots[names[Number(piece)]!]?.() ?? null)));
      return h(props.tag, children);
    };
  },
});
