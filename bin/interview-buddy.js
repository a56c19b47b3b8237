#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx interview-buddy` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../services/cli/main.ts');
