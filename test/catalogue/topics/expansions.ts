import { CatalogueTopic } from '../topic';

export const TOPIC: CatalogueTopic = {
  bad: [],
  expected: {},
  valid: [],
};
