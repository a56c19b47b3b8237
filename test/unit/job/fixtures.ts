/** A job posting and an MIT-style mock interview (Interviewer:/Interviewee: lines) for the job tests. */
export const INTERN_JOB = `Software Engineering Intern, Platform Team

About us
We build cloud tools for hospitals and care about teamwork.

What you'll do
- Lead a small project from design to launch and take ownership of the outcome.
- Work in a team with engineers and designers, and communicate progress to stakeholders.
- Take part in incident response and on-call rotations for the services you build.
- Write Python and SQL to build data pipelines.

Nice to have
- Experience with Kubernetes.

Benefits
- Health insurance, 401(k), and mentoring programs.
We are an equal opportunity employer.
`;

/** The candidate clearly leads (first person, verbatim below) and never mentions incidents or on-call. */
export const LEADERSHIP_QUOTE = 'I organized forty volunteers into five committees and I led the weekly planning meetings myself.';

export const MIT_STYLE_TRANSCRIPT = `Interviewer: So how are you doing today?
Interviewee: I'm good, thanks.
Interviewer: Please tell me about yourself.
Interviewee: I'm a junior studying computer science. I like building things with Python, and last summer I wrote scripts to clean survey data for a lab.
Interviewer: Tell me about a time that you demonstrated leadership.
Interviewee: Last year I was president of our robotics club and we ran a fundraiser for a competition trip. ${LEADERSHIP_QUOTE} In the end we raised four thousand dollars and the whole team went to the national competition.
Interviewer: Tell me about a time when you were working on a team and faced a challenge. How did you solve that problem?
Interviewee: In a class project our group had a member who stopped replying. We talked to him and we split up his part, and the team fixed it the night before the deadline.
Interviewer: What is your greatest weakness?
Interviewee: Um, I sometimes take on too much. I'm learning to say no and to plan my week on Sunday.
Interviewer: Why should we hire you?
Interviewee: Because I learn quickly and I care about the people who use what I build.
`;
