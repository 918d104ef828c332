// One arrived file in the case worker's lists (under a request and sent on the resident's own
// initiative alike): "Bekijken" only where the browser can show it, and always a download.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { StaffArrival } from '../../../domain/staff-api';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';
import { staffMessages } from '../../i18n/staff/index';
import { createHarness } from '../../testing/harness';
import StaffFileRow from './StaffFileRow.vue';

const CASE_ID = '3f0c0000-0000-4000-8000-000000000001';
const file = (contentType: string, fileName: string): StaffArrival => ({
  documentId: '3f0c0000-0000-4000-8000-0000000000d1',
  requestId: null,
  title: 'Huurcontract',
  fileName,
  contentType,
  sizeBytes: 1234,
  receivedAt: '2026-12-01T09:30:00.000Z',
});

async function render(arrival: StaffArrival) {
  const harness = await createHarness('nl');
  installFeatureMessages(harness.i18n.global as unknown as MergeTarget, staffMessages);
  return mount(StaffFileRow, {
    props: { caseId: CASE_ID, file: arrival },
    global: { plugins: [...harness.plugins] },
  });
}

describe('StaffFileRow', () => {
  it('offers a preview of a PDF, named after the document, and hands the file to the page', async () => {
    const pdf = file('application/pdf', 'huur.pdf');
    const wrapper = await render(pdf);
    expect(wrapper.text()).toContain('Huurcontract (huur.pdf)');
    const view = wrapper.find('button');
    expect(view.attributes('aria-label')).toContain('Huurcontract');
    await view.trigger('click');
    expect(wrapper.emitted('preview')).toEqual([[pdf]]);
    const download = wrapper.find('a[download]');
    expect(download.attributes('href')).toContain(`/api/staff/cases/${CASE_ID}/documents/${pdf.documentId}`);
    expect(download.text()).toContain('huur.pdf');
  });

  it('offers only the download for a file the browser cannot show', async () => {
    const wrapper = await render(file('application/vnd.ms-excel', 'lijst.xls'));
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.find('a[download]').text()).toContain('lijst.xls');
  });
});
