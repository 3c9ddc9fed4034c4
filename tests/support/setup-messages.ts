// vitest setup (unit and dom projects): the code under test reads English messages.
import { useLocale } from './messages';

useLocale('en');
