/**
 * The CSS every page needs: the design tokens and the NL Design System components of the
 * shell. Components used on one page only are imported by that page, so their CSS arrives
 * with the page's chunk and the first load stays small.
 *
 * The Utrecht token set is the base (scoped to .utrecht-theme on <html>); styles/app.css
 * overrides the few tokens that carry the consortium's colours, and lays out the page.
 */
import '@utrecht/design-tokens/dist/theme.css';
import '../styles/font.css';
import '@utrecht/root-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/link-css/link.css';
import '@utrecht/alert-css/dist/index.css';
import '../styles/app.css';
