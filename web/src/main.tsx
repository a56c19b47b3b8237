import { Navigate, Route, Router, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, lazy, Show, Suspense, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { authState, initAuth } from './stores/auth';
import { Shell } from './components/Shell';
import './styles.css';

const SignIn = lazy(() => import('./pages/SignIn'));
const Dashboard = lazy(() => import('./pages/Dashboard'));
const NewInterview = lazy(() => import('./pages/NewInterview'));
const InterviewPage = lazy(() => import('./pages/InterviewPage'));
const Trends = lazy(() => import('./pages/Trends'));
const Settings = lazy(() => import('./pages/Settings'));
const Questions = lazy(() => import('./pages/Questions'));
const Practice = lazy(() => import('./pages/Practice'));

/** Pages behind sign-in: redirect to /signin (remembering where to come back). */
function Private(props: RouteSectionProps): JSX.Element {
  const navigate = useNavigate();
  createEffect(() => {
    if (authState.ready() && !authState.user()) navigate(`/signin?next=${encodeURIComponent(props.location.pathname)}`, { replace: true });
  });
  return <Show when={authState.user()}><Shell>{props.children}</Shell></Show>;
}

const Loading = () => <div class="page-loading" role="status">Loading…</div>;

function App() {
  return (
    <Router root={(p) => <Suspense fallback={<Loading />}>{p.children}</Suspense>}>
      <Route path="/signin" component={SignIn} />
      <Route path="/" component={Private}>
        <Route path="/" component={Dashboard} />
        <Route path="/new" component={NewInterview} />
        <Route path="/interviews/:id" component={InterviewPage} />
        <Route path="/trends" component={Trends} />
        <Route path="/settings" component={Settings} />
        <Route path="/questions" component={Questions} />
        <Route path="/practice" component={Practice} />
      </Route>
      <Route path="*" component={() => <Navigate href="/" />} />
    </Router>
  );
}

void initAuth().then(
  () => render(() => <App />, document.getElementById('root')!),
  (err: Error) => {
    document.getElementById('root')!.textContent = `Interview Buddy could not start: ${err.message}`;
  },
);
