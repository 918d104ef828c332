/**
 * Taking over a page the server rendered in parts, each in a task of its own (issue 16): first
 * the frame (header, the menu's counts), then the page in <main>, then the footer. In one piece
 * the takeover of an application was one task of 100 to 125 ms at a 4x slower processor, which
 * Lighthouse counts as 50 to 75 ms of blocking time on its own; between the parts the browser
 * can take a tap or paint.
 *
 * Vue's lazy hydration (`defineAsyncComponent` with a `hydrate` strategy) does the splitting:
 * until its turn a part keeps the server's elements as they are. The strategy here is the next
 * task, at once (setup/yield-to-browser.ts), not "when idle" or "when visible": a part that
 * waits longer is a part that ignores the resident for longer. A page change waits for the
 * parts (partsFirst). What the resident typed or chose in a part before its turn is given again
 * once it runs (changesIn).
 *
 * Only for the takeover: an app that draws its first screen itself (a kiosk, offline: main.ts)
 * renders the parts directly, as before, so nothing appears one render later.
 */
import {
  defineAsyncComponent,
  defineComponent,
  type Component,
  type HydrationStrategy,
  type InjectionKey,
  type PropType,
  type VNode,
} from 'vue';
import type { Router } from 'vue-router';
import { yieldToBrowser } from '../setup/yield-to-browser';

/** Provided as true by main.ts when the app takes over the server's page (createSSRApp). */
export const HYDRATE_IN_PARTS: InjectionKey<boolean> = Symbol('hydrate in parts');

/**
 * What the resident changed in the server's form fields before the app took them over, as a way
 * to give it again: taking over sets each field to the app's own state (Vue patches a bound
 * `checked` or `value`), and nothing had heard the change. Given again with the event the app
 * listens for, so a "Ja" on the start page's "Is dit een computer die ook andere mensen
 * gebruiken?" or a type chosen on the booking page counts, and shows, as if the app had run.
 * Changed means different from what the server wrote (defaultChecked, defaultValue).
 */
function changesIn(roots: Element[]): Array<() => void> {
  const again: Array<() => void> = [];
  /** Sets `field[key]` back to what the resident left it at, and tells the app with `events`. */
  const giveAgain = <F extends HTMLElement, K extends keyof F>(field: F, key: K, events: string[]) => {
    const left = field[key];
    again.push(() => {
      if (field[key] === left) return;
      field[key] = left;
      for (const type of events) field.dispatchEvent(new Event(type, { bubbles: true }));
    });
  };
  for (const root of roots) {
    for (const field of root.querySelectorAll('input, textarea, select')) {
      if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
        if (field.checked !== field.defaultChecked) giveAgain(field, 'checked', ['change']);
      } else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        if (field.value !== field.defaultValue) giveAgain(field, 'value', ['input', 'change']);
      } else if (field instanceof HTMLSelectElement) {
        if ([...field.options].some((option) => option.selected !== option.defaultSelected))
          giveAgain(field, 'value', ['change']);
      }
    }
  }
  return again;
}

/**
 * The next task, ahead of other queued work where the browser can (scheduler.yield); what the
 * resident changed in the part's fields before that is given again once the part runs.
 */
const inTheNextTask: HydrationStrategy = (hydrate, forEachElement) => {
  let cancelled = false;
  const done = yieldToBrowser().then(() => {
    if (cancelled) return;
    const roots: Element[] = [];
    forEachElement((element) => void roots.push(element));
    const changes = changesIn(roots);
    hydrate();
    for (const change of changes) change();
  });
  waiting.add(done);
  void done.finally(() => waiting.delete(done));
  return () => {
    cancelled = true;
  };
};

/** The parts not taken over yet. */
const waiting = new Set<Promise<void>>();

/**
 * A page change waits until every part is taken over (one task at most). A part that stays
 * across page changes (the footer) and is taken over after one would keep the server's marks of
 * the page before ("aria-current" on the wrong link): Vue's
 * production build leaves an attribute as the server wrote it. hydration.test.ts changes the
 * page at once and fails on any such difference.
 */
export function partsFirst(router: Router): void {
  router.beforeResolve(() => Promise.all(waiting).then(() => undefined));
}

/** `component`, taken over in a task of its own when its part of the page came from the server. */
export function inATaskOfItsOwn<T extends Component>(component: T): Component {
  return defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: inTheNextTask });
}

/**
 * Shows the page vnode RouterView gives its slot as it is (its props and the ref vue-router
 * keeps), so the page in <main> can be wrapped like any component.
 */
export const PageVNode = defineComponent({
  props: { page: { type: Object as PropType<VNode>, required: true } },
  setup: (props) => () => props.page,
});
