/**
 * Texts of single capabilities, kept beside the common texts so each screen owns its own file.
 * Each bundle adds one top-level namespace in both languages.
 */
import { analysisTexts } from './analysis';
import { customersTexts } from './customers';
import { importsTexts } from './imports';
import { improvementTexts } from './improvement';
import { interviewTexts } from './interview';
import { kioskTexts } from './kiosk';
import { paperTexts } from './paper';
import { privacyTexts } from './privacy';
import { registerTexts } from './register';
import { reportsTexts } from './reports';
import { syncUiTexts } from './syncUi';
import { samplingTexts } from './sampling';

export const BUNDLES = [
  analysisTexts,
  customersTexts,
  importsTexts,
  improvementTexts,
  interviewTexts,
  kioskTexts,
  paperTexts,
  privacyTexts,
  registerTexts,
  reportsTexts,
  syncUiTexts,
  samplingTexts,
];
