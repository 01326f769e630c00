import { Chart } from 'cdk8s';

/** One bad input: how to build it in a chart of namespace `default` (chart id `c`). */
export interface BadInput {
  readonly name: string;
  readonly build: (chart: Chart) => void;
}

/** One valid input: it must synthesize, and its output must pass the CRD checks. */
export interface ValidInput {
  readonly name: string;
  readonly build: (chart: Chart) => void;
}

/**
 * The catalogue cases of one class of mistakes: bad inputs with their exact messages (as reviewed:
 * a change here is a change of what users read), and valid inputs beside them that must pass.
 */
export interface CatalogueTopic {
  readonly bad: BadInput[];
  readonly expected: Record<string, string[]>;
  readonly valid: ValidInput[];
}
