import { log } from 'example:hello/logger';
export function greet(name) {
  log(`greeting ${name}`);
  return `Hello, ${name}!`;
}
