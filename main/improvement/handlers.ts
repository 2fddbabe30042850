import type { HandlersFor } from '../api/handlers';
import type { Db } from '../db/connection';
import { improvementService, type ImprovementService } from './service';
import { updateImprovementSettings } from './settings';

// One service per connection, so its statements are prepared once.
const services = new WeakMap<Db, ImprovementService>();
function serviceFor(db: Db): ImprovementService {
  let found = services.get(db);
  if (!found) {
    found = improvementService(db);
    services.set(db, found);
  }
  return found;
}

export const improvementHandlers: HandlersFor<'improvement.'> = {
  'improvement.settings': (_input, ctx) => serviceFor(ctx.db).settings(),
  'improvement.updateSettings': (input, ctx) => updateImprovementSettings(ctx.db, input),
  'improvement.dashboard': (input, ctx) => serviceFor(ctx.db).dashboard(input.surveyId ?? null),
  'improvement.problems': (input, ctx) => serviceFor(ctx.db).problems(input.surveyId ?? null),
  'improvement.createProblem': (input, ctx) => serviceFor(ctx.db).createProblem(input),
  'improvement.updateProblem': (input, ctx) => serviceFor(ctx.db).updateProblem(input),
  'improvement.deleteProblem': (input, ctx) => serviceFor(ctx.db).deleteProblem(input.id),
  'improvement.deleteAction': (input, ctx) => serviceFor(ctx.db).deleteAction(input.id),
  'improvement.actions': (input, ctx) =>
    serviceFor(ctx.db).actions(input.surveyId ?? null, input.overdue),
  'improvement.createAction': (input, ctx) => serviceFor(ctx.db).createAction(input),
  'improvement.updateAction': (input, ctx) => serviceFor(ctx.db).updateAction(input),
  'improvement.setActionStatus': (input, ctx) =>
    serviceFor(ctx.db).setActionStatus(input.id, input.status, input.note),
  'improvement.addProgress': (input, ctx) =>
    serviceFor(ctx.db).addProgress(input.id, input.on, input.note),
  'improvement.replan': (input, ctx) =>
    serviceFor(ctx.db).replan(input.id, input.dueOn, input.measures, input.note),
  'improvement.followUps': (input, ctx) => serviceFor(ctx.db).followUps(input.surveyId ?? null),
  'improvement.scanFollowUps': (input, ctx) =>
    serviceFor(ctx.db).scanFollowUps(input.surveyId, input.waveId),
  'improvement.createFollowUp': (input, ctx) => serviceFor(ctx.db).createFollowUp(input),
  'improvement.advanceFollowUp': (input, ctx) => serviceFor(ctx.db).advanceFollowUp(input),
  'improvement.standards': (_input, ctx) => serviceFor(ctx.db).standards(),
  'improvement.saveStandard': (input, ctx) => serviceFor(ctx.db).saveStandard(input),
  'improvement.deleteStandard': (input, ctx) => serviceFor(ctx.db).deleteStandard(input.id),
};
