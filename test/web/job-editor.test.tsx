/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, waitFor } from '@solidjs/testing-library';

/** The PATCH bodies sent, and the interview state the mocked API answers. */
const patches: unknown[] = [];
jest.unstable_mockModule('../../web/src/stores/interviews', () => ({
  updateInterview: async (id: string, patch: { jobDescription?: string }) => {
    patches.push({ id, ...patch });
    return { id, status: 'analyzing' };
  },
}));
const { JobEditor } = await import('../../web/src/components/JobEditor');

const base = { id: 'i1', title: 'Mock', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', stage: 'analysis', progress: 1 } as const;

describe('JobEditor', () => {
  it('on a finished interview, says that saving a new job description re-analyses it, then PATCHes it', async () => {
    const { getByRole, getByTestId, queryByTestId, findByRole } = render(() => <JobEditor interview={{ ...base, status: 'completed', jobDescription: 'Old posting: SQL.' }} />);
    fireEvent.click(getByRole('button', { name: 'Edit' }));
    const box = getByRole('textbox') as HTMLTextAreaElement;
    expect(box.value).toBe('Old posting: SQL.');
    expect(queryByTestId('reanalyse-offer')).toBeNull();
    const save = getByRole('button', { name: 'Save and re-analyse' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    fireEvent.input(box, { target: { value: 'New posting: incident response.' } });
    expect(getByTestId('reanalyse-offer').textContent).toMatch(/re-analyses this interview against the new job description/);
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect((await findByRole('status')).textContent).toMatch(/being analysed again/);
    expect(patches).toEqual([{ id: 'i1', jobDescription: 'New posting: incident response.' }]);
  });

  it('refuses a text past the limit before sending it', async () => {
    patches.length = 0;
    const { getByRole, getAllByRole } = render(() => <JobEditor interview={{ ...base, status: 'transcribing' }} />);
    fireEvent.click(getByRole('button', { name: 'Add' }));
    fireEvent.input(getByRole('textbox'), { target: { value: 'x'.repeat(20_001) } });
    expect((getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(getAllByRole('alert')[0]!.textContent).toMatch(/limit is 20,000/));
    expect(patches).toEqual([]);
  });
});
