/**
 * The render bundle's contract (src/domain/server-render.ts), and the language helpers the
 * server reads a visitor's choice with.
 */
export {
  DEFERRED_CODE_ELEMENT_ID,
  isStartPage,
  SHELL_REVISION_HEADER,
  type RenderBundle,
  type RenderedPage,
} from '../../domain/server-render';
export { isLocale, LANGUAGE_COOKIE } from '../../domain/languages';
