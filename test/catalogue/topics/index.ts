import { TOPIC as accepted } from './accepted';
import { TOPIC as conflicts } from './conflicts';
import { TOPIC as expansions } from './expansions';
import { TOPIC as identity } from './identity';
import { TOPIC as misrouted } from './misrouted';
import { TOPIC as names } from './names';
import { TOPIC as secure } from './secure';
import { TOPIC as untyped } from './untyped';
import { TOPIC as webhook } from './webhook';
import { CatalogueTopic } from '../topic';

/** Every class of mistakes, in the order the README lists them. */
export const TOPICS: CatalogueTopic[] = [identity, names, webhook, expansions, misrouted, untyped, accepted, conflicts, secure];
