/**
 * petite-vue-i18n as the app uses it (issue 16: 2.6 KiB less of every first load than
 * vue-i18n). It reads flat keys unless it is given a resolver, and our keys are paths
 * (`header.menu`); vue-i18n's own resolver (a full path parser) is more than they need.
 * Everything that makes an i18n instance takes `createI18n` from here.
 */
import { createI18n, registerMessageResolver, type PathValue } from 'petite-vue-i18n';
import { nodeAt } from './message-node';

registerMessageResolver((catalogue, key) => nodeAt(catalogue, key) as PathValue);

export { createI18n };
