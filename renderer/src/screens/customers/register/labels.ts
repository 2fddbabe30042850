/** How register values read on screen: stage codes and the documents' customer types in the user's language. */
import type { TFunction } from 'i18next';
import { CUSTOMER_STAGES, CUSTOMER_TYPES } from '../../../../../shared/customers';

export function stageLabel(t: TFunction, stage: string | null): string {
  if (!stage) return '';
  return (CUSTOMER_STAGES as readonly string[]).includes(stage)
    ? t(`customers.stage.${stage}`)
    : stage;
}

export function typeLabel(t: TFunction, type: string | null): string {
  if (!type) return '';
  return (CUSTOMER_TYPES as readonly string[]).includes(type) ? t(`customers.type.${type}`) : type;
}

export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}
