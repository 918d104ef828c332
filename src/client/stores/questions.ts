import { defineStore } from 'pinia';
import type { NewQuestion, Question } from '../../domain/api';
import type { OutboxItem } from '../../domain/outbox';
import { askQuestion, isQuestionCreated } from '../api/questions';
import { useOutboxStore } from './outbox';

/**
 * The resident's questions about an application. A question is never sent directly: it goes
 * into the outbox (online or not), which delivers it; the questions the server has come with
 * the application (stores/applications.ts). Its own store, so the question form and its list
 * (loaded after the detail page) bring this along and the detail page's first load does not.
 */
export const useQuestionsStore = defineStore('questions', () => {
  const outbox = useOutboxStore();

  /** Queues the question; rejects when the outbox cannot keep it (then the form keeps the text). */
  const ask = (applicationId: string, text: string): Promise<OutboxItem<NewQuestion>> =>
    outbox.enqueue(askQuestion(applicationId, text));

  /** The question the server made of a delivered outbox item; null until it was delivered. */
  const deliveredQuestion = (item: OutboxItem): Question | null =>
    isQuestionCreated(item.response) ? item.response.question : null;

  return { ask, deliveredQuestion };
});
