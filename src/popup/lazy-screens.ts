import { lazy } from 'react';

/**
 * Screens loaded when first opened, not with the popup: the first screen (home, unlock,
 * onboarding) stays small and fast to show. Each import() becomes its own chunk; what they
 * share with the first screen (React, the API client, i18n) is not loaded twice.
 */
export const ApprovalScreen = lazy(() => import('./approval/ApprovalScreen').then((m) => ({ default: m.ApprovalScreen })));
export const CreateWallet = lazy(() => import('./screens/CreateWallet').then((m) => ({ default: m.CreateWallet })));
export const ImportWallet = lazy(() => import('./screens/ImportWallet').then((m) => ({ default: m.ImportWallet })));
export const Send = lazy(() => import('./screens/Send').then((m) => ({ default: m.Send })));
export const Receive = lazy(() => import('./screens/Receive').then((m) => ({ default: m.Receive })));
export const Activity = lazy(() => import('./screens/Activity').then((m) => ({ default: m.Activity })));
export const AddToken = lazy(() => import('./screens/AddToken').then((m) => ({ default: m.AddToken })));
export const BtcCoins = lazy(() => import('./btc/BtcCoins').then((m) => ({ default: m.BtcCoins })));
export const ConnectedSites = lazy(() => import('./screens/ConnectedSites').then((m) => ({ default: m.ConnectedSites })));
export const Insights = lazy(() => import('./screens/Insights').then((m) => ({ default: m.Insights })));
export const Networks = lazy(() => import('./screens/Networks').then((m) => ({ default: m.Networks })));
export const NetworkActivity = lazy(() => import('./screens/NetworkActivity').then((m) => ({ default: m.NetworkActivity })));
export const Settings = lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings })));
