/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { JOB_DESCRIPTION_MAX, JobDescriptionField } from '../../web/src/components/JobDescriptionField';
import { JobCoverage } from '../../web/src/components/JobCoverage';
import { QuestionSetList } from '../../web/src/components/QuestionSetPanel';
import type { Answer, JobSection } from '../../web/src/lib/types';

const star = { situation: { present: false }, task: { present: false }, action: { present: false }, result: { present: false } };
const answer = (question: string, kind: Answer['kind']): Answer => ({ question, kind, start: 0, end: 0, text: 'x', wordCount: 10, star, tip: 't' } as unknown as Answer);
const answers = [answer('Tell me about yourself.', 'introduction'), answer('Tell me about a time you led a team.', 'behavioural'), answer('Any questions for us?', 'candidate_questions')];
const job: JobSection = {
  coverage: 0.5,
  competencies: [
    { id: 'leadership', name: 'Leadership', kind: 'behaviour', source: 'You will lead a small team of analysts.', status: 'covered', evidence: 'I led a team of four to rebuild the billing pipeline.', answers: [1] },
    { id: 'teamwork', name: 'Teamwork', kind: 'behaviour', source: 'You collaborate across functions.', status: 'partial', evidence: 'We fixed it together.', answers: [0, 1] },
    { id: 'incident_response', name: 'Incident response', kind: 'responsibility', source: 'Take part in the on-call rotation and incident response.', status: 'missed' },
  ],
};

describe('JobDescriptionField', () => {
  function setup(initial = '') {
    const [value, setValue] = createSignal(initial);
    return render(() => <JobDescriptionField id="jd" value={value()} onInput={setValue} />);
  }

  it('counts characters against the 20,000 limit', () => {
    const { getByTestId, getByLabelText, queryByRole } = setup();
    expect(getByTestId('jd-count').textContent).toBe('0 / 20,000 characters');
    fireEvent.input(getByLabelText(/Job description/), { target: { value: 'Build data pipelines.' } });
    expect(getByTestId('jd-count').textContent).toBe('21 / 20,000 characters');
    expect(queryByRole('alert')).toBeNull();
    expect(getByLabelText(/Job description/).getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps a paste past the limit whole and says clearly what to do', () => {
    const { getByTestId, getByLabelText, getByRole, queryByRole } = setup();
    const box = getByLabelText(/Job description/) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(-1); // never cut silently
    fireEvent.input(box, { target: { value: 'a'.repeat(JOB_DESCRIPTION_MAX) } });
    expect(queryByRole('alert')).toBeNull();
    fireEvent.input(box, { target: { value: 'a'.repeat(JOB_DESCRIPTION_MAX + 1) } });
    expect(getByTestId('jd-count').textContent).toBe('20,001 / 20,000 characters');
    expect(getByTestId('jd-count').className).toContain('over');
    expect(getByRole('alert').textContent).toMatch(/^The job description has 20,001 characters; the limit is 20,000\. Paste only the role's description/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('jd-count jd-limit');
  });
});

describe('JobCoverage', () => {
  it('shows the overall coverage and a competency × answer table with headers, written statuses, quotes and sources', () => {
    const { getByTestId, getByRole, getAllByRole } = render(() => <JobCoverage job={job} answers={answers} />);
    expect(getByTestId('job-coverage-value').textContent).toBe('50%');
    expect(getByTestId('job-coverage-counts').textContent).toMatch(/^1 covered · 1 partial · 1 missed\./);
    const table = getByRole('table');
    // Columns: the competency, its status, then one per answer (the candidate's own questions are no evidence).
    const cols = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(cols).toEqual(['Competency', 'Status', 'Q1: Tell me about yourself.', 'Q2: Tell me about a time you led a team.']);
    const rows = getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').querySelector('.comp-name')!.textContent)).toEqual(['Leadership', 'Teamwork', 'Incident response']);
    // Each row: status in words (not colour only), then each answer cell's screen-reader text.
    const cells = rows.map((r) => within(r).getAllByRole('cell').map((td) => td.querySelector('.pill')?.textContent ?? td.querySelector('.sr-only')!.textContent));
    expect(cells).toEqual([['✓ covered', 'not shown', 'covered'], ['◐ partial', 'partial', 'partial'], ['✗ missed', 'not shown', 'not shown']]);
    // Evidence verbatim below the status and on hover over the answer cell that shows it.
    const lead = rows[0]!;
    expect(within(lead).getByTestId('evidence').tagName).toBe('Q');
    expect(within(lead).getByTestId('evidence').textContent).toBe(job.competencies[0]!.evidence);
    expect(within(lead).getAllByRole('cell')[2]!.getAttribute('title')).toBe('“I led a team of four to rebuild the billing pipeline.”');
    expect(within(lead).getAllByRole('cell')[1]!.getAttribute('title')).toBeNull();
    expect(within(rows[2]!).getByText('Not shown in any answer')).toBeTruthy();
    // The posting's sentence each competency came from.
    expect(within(rows[2]!).getByRole('rowheader').querySelector('q')!.textContent).toBe('Take part in the on-call rotation and incident response.');
  });

  it('says so when the posting named no competency, and shows the notes', () => {
    const { getByText, queryByRole } = render(() => <JobCoverage job={{ competencies: [], coverage: 0, notes: ['The job description does not look like English.'] }} answers={answers} />);
    expect(queryByRole('table')).toBeNull();
    expect(getByText(/No competency was recognised/)).toBeTruthy();
    expect(getByText('The job description does not look like English.')).toBeTruthy();
  });
});

describe('QuestionSetList', () => {
  it('lists each question with its kind, its competency by name and why it is there', () => {
    const { getByTestId } = render(() => (
      <QuestionSetList set={{
        id: 'qs1',
        competencies: [{ id: 'incident_response', name: 'Incident response', status: 'missed' }, { id: 'leadership', name: 'Leadership', status: 'covered' }],
        questions: [
          { id: 'q-1', text: 'Tell me about an outage you handled.', kind: 'behavioural', competency: 'incident_response', reason: 'missed' },
          { id: 'q-2', text: 'Why this team?', kind: 'motivation', competency: 'leadership', reason: 'job' },
          { id: 'f-1', text: 'You said the team fixed it: what did you do?', kind: 'behavioural', competency: 'leadership', reason: 'follow_up', answer: 1 },
        ],
      }} />
    ));
    const items = [...getByTestId('question-set').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Tell me about an outage you handled.BehaviouralCompetency: Incident responsemissed in this interview',
      'Why this team?MotivationCompetency: Leadershipasked for by the job',
      'You said the team fixed it: what did you do?BehaviouralCompetency: Leadershipfollow-up to your answer Q2',
    ]);
  });
});
