// flagwright rollback: republish an immutable revision still on the target as the latest one.
import { parseOptions, type Command } from '../command.ts';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { rollback } from '../../publish/deploy.ts';
import { commonFromFlags, printResult, targetFlags } from './deploy.ts';

const usage = 'flagwright rollback --target URI --to REVISION [--endpoint URL] [--cloudfront-distribution ID] [--dry-run] [--json] [--wait]';

const command: Command = {
  name: 'rollback',
  summary: 'Republish an earlier revision (its immutable copies are still on the target) as the latest one.',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...targetFlags, to: { type: 'string' } }, usage);
    if (!values.to) throw new FlagwrightError('--to REVISION is required', [], 2);
    const result = await rollback({ ...commonFromFlags(values, io), to: values.to });
    printResult(result, !!values.json, io);
    return 0;
  },
};

export default command;
