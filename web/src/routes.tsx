import type { ReactNode } from 'react';
import type { Role } from './api/session';
import { AidDetailPage } from './features/aid/AidDetailPage';
import { AidFormPage } from './features/aid/AidFormPage';
import { AidListPage } from './features/aid/AidListPage';
import { AidReportPage } from './features/aid/AidReportPage';
import { AidReportsPage } from './features/aid/AidReportsPage';
import { ExchangeRatesPage } from './features/aid/ExchangeRatesPage';
import { MissingReportsPage } from './features/aid/MissingReportsPage';
import { NgoReportPage } from './features/aid/NgoReportPage';
import { ReportsPage } from './features/aid/ReportsPage';
import { AuditPage } from './features/admin/AuditPage';
import { UsersPage } from './features/admin/UsersPage';
import { AccountPage } from './features/auth/AccountPage';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { CHANGE_PASSWORD_PATH } from './features/auth/paths';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';
import { CataloguePage } from './features/procedures/CataloguePage';
import { ConsultationsPage } from './features/procedures/ConsultationsPage';
import { DossierPage } from './features/procedures/DossierPage';
import { DossiersPage } from './features/procedures/DossiersPage';
import { HolidaysPage } from './features/procedures/HolidaysPage';
import { InboxPage } from './features/procedures/InboxPage';
import { NewDossierPage } from './features/procedures/NewDossierPage';
import { ReceiptPage } from './features/procedures/ReceiptPage';
import { SlaPage } from './features/procedures/SlaPage';
import { DirectoryPage } from './features/registry/DirectoryPage';
import { MyOrganisationPage } from './features/registry/MyOrganisationPage';
import { OrganisationPage } from './features/registry/OrganisationPage';
import { OrganisationsPage } from './features/registry/OrganisationsPage';
import { PublicProfilePage } from './features/registry/PublicProfilePage';
import { PublicAidItemPage } from './features/aid/PublicAidItemPage';
import { RegistryImportPage } from './features/registry/RegistryImportPage';
import { ProvinceStatsPage } from './features/stats/ProvinceStatsPage';
import { RecordsPage } from './features/stats/RecordsPage';
import { StatisticsPage } from './features/stats/StatisticsPage';
import { GapReportPage } from './features/opendata/GapReportPage';
import { IatiImportPage } from './features/opendata/IatiImportPage';
import { OpenDataPage } from './features/opendata/OpenDataPage';
import { NeedFormPage } from './features/programme/NeedFormPage';
import { NeedPage } from './features/programme/NeedPage';
import { NeedsPage } from './features/programme/NeedsPage';
import { NeedsWorkPage } from './features/programme/NeedsWorkPage';
import { ProgrammesPage } from './features/programme/ProgrammesPage';
import { ProgrammeReportPage } from './features/programme/ProgrammeReportPage';
import { ProgrammeReportsStatusPage } from './features/programme/ProgrammeReportsStatusPage';
import { ProgrammeReviewPage } from './features/programme/ProgrammeReviewPage';
import { AwardsPage } from './features/programme/AwardsPage';
import { MeetingFormPage } from './features/programme/MeetingFormPage';
import { MeetingPage } from './features/programme/MeetingPage';
import { MeetingsPage } from './features/programme/MeetingsPage';
import { CompliancePage } from './features/supervision/CompliancePage';
import { InspectionFormPage } from './features/supervision/InspectionFormPage';
import { InspectionPage } from './features/supervision/InspectionPage';
import { InspectionPlanFormPage } from './features/supervision/InspectionPlanFormPage';
import { InspectionPlanPage } from './features/supervision/InspectionPlanPage';
import { InspectionPlansPage } from './features/supervision/InspectionPlansPage';
import { InspectionsPage } from './features/supervision/InspectionsPage';
import { MyObligationsPage } from './features/supervision/MyObligationsPage';
import { OrganisationObligationsPage } from './features/supervision/OrganisationObligationsPage';
import { NewSanctionPage } from './features/sanctions/NewSanctionPage';
import { SanctionPage } from './features/sanctions/SanctionPage';
import { SanctionsPage } from './features/sanctions/SanctionsPage';

/**
 * Every screen in one list: its path, who may open it (omit `roles` for public screens, `[]` for any signed-in
 * user) and, with `nav`, its menu entry (a key of common:nav). Add one line per screen.
 */
export type AppRoute = { path: string; element: ReactNode; roles?: Role[]; nav?: string };

/** Every signed-in role but the aid owner, whose screens beyond its account are not open yet (issue 13). */
const notOwner: Role[] = ['admin', 'central', 'agency', 'reviewer', 'ngo'];

export const appRoutes: AppRoute[] = [
  { path: '/', element: <HomePage />, nav: 'home' },
  { path: '/directory', element: <DirectoryPage />, nav: 'directory' },
  { path: '/directory/:id', element: <PublicProfilePage /> },
  { path: '/organisations', element: <OrganisationsPage />, roles: ['admin', 'central', 'agency'], nav: 'organisations' },
  { path: '/organisations/import', element: <RegistryImportPage />, roles: ['admin', 'central'] },
  { path: '/organisations/:id', element: <OrganisationPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/my-organisation', element: <MyOrganisationPage />, roles: ['ngo'], nav: 'organisations' },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/account', element: <AccountPage />, roles: [] },
  { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage />, roles: [] },
  { path: '/admin/users', element: <UsersPage />, roles: ['admin'], nav: 'users' },
  { path: '/admin/audit', element: <AuditPage />, roles: ['admin', 'central'], nav: 'audit' },
  { path: '/dossiers', element: <DossiersPage />, roles: [], nav: 'dossiers' },
  { path: '/dossiers/new', element: <NewDossierPage />, roles: ['ngo', 'owner'] },
  { path: '/dossiers/sla', element: <SlaPage />, roles: ['admin', 'central'] },
  { path: '/dossiers/:id', element: <DossierPage />, roles: [] },
  { path: '/dossiers/:id/receipt', element: <ReceiptPage />, roles: [] },
  { path: '/consultations', element: <ConsultationsPage />, roles: ['reviewer', 'agency', 'central', 'admin'] },
  { path: '/inbox', element: <InboxPage />, roles: [] },
  { path: '/procedures', element: <CataloguePage />, roles: notOwner },
  { path: '/statistics', element: <StatisticsPage />, nav: 'statistics' },
  { path: '/statistics/province/:code', element: <ProvinceStatsPage /> },
  { path: '/statistics/records', element: <RecordsPage /> },
  { path: '/public/aid/:id', element: <PublicAidItemPage /> },
  { path: '/open-data', element: <OpenDataPage />, nav: 'openData' },
  { path: '/needs', element: <NeedsPage />, nav: 'needs' },
  { path: '/needs/work', element: <NeedsWorkPage />, roles: ['admin', 'central', 'agency', 'ngo'] },
  { path: '/needs/new', element: <NeedFormPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/needs/:id', element: <NeedPage /> },
  { path: '/needs/:id/edit', element: <NeedFormPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/programmes', element: <ProgrammesPage />, nav: 'programmes' },
  { path: '/programme-reports', element: <ProgrammeReportPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/programme-reports/status', element: <ProgrammeReportsStatusPage />, roles: ['admin', 'central'] },
  { path: '/programme-reviews', element: <ProgrammeReviewPage />, roles: ['admin', 'central'] },
  { path: '/programme/meetings', element: <MeetingsPage />, nav: 'meetings' },
  { path: '/programme/meetings/new', element: <MeetingFormPage />, roles: ['admin', 'central'] },
  { path: '/programme/meetings/:id', element: <MeetingPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { path: '/programme/meetings/:id/edit', element: <MeetingFormPage />, roles: ['admin', 'central'] },
  { path: '/programme/awards', element: <AwardsPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'], nav: 'awards' },
  { path: '/open-data/iati-import', element: <IatiImportPage />, roles: ['admin', 'central'] },
  { path: '/open-data/gap', element: <GapReportPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { path: '/admin/holidays', element: <HolidaysPage />, roles: ['admin', 'central'] },
  { path: '/aid', element: <AidListPage />, roles: ['admin', 'central', 'agency', 'ngo', 'owner'], nav: 'aid' },
  { path: '/aid/new', element: <AidFormPage />, roles: ['admin', 'central', 'agency', 'ngo'] },
  { path: '/aid/:id', element: <AidDetailPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner'] },
  { path: '/aid/:id/edit', element: <AidFormPage />, roles: ['admin', 'central', 'agency', 'ngo'] },
  { path: '/reports', element: <ReportsPage />, roles: ['admin', 'central', 'agency', 'ngo'], nav: 'reports' },
  { path: '/reports/ngo/:id', element: <NgoReportPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { path: '/reports/missing', element: <MissingReportsPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/aid-reports', element: <AidReportsPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'owner'], nav: 'aidReports' },
  { path: '/aid-reports/:id', element: <AidReportPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'owner'] },
  { path: '/admin/exchange-rates', element: <ExchangeRatesPage />, roles: ['admin', 'central'] },
  { path: '/supervision', element: <CompliancePage />, roles: ['admin', 'central', 'agency'], nav: 'obligations' },
  { path: '/supervision/organisations/:id', element: <OrganisationObligationsPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/my-obligations', element: <MyObligationsPage />, roles: ['ngo'], nav: 'obligations' },
  { path: '/supervision/sanctions', element: <SanctionsPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { path: '/supervision/sanctions/new', element: <NewSanctionPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/sanctions/:id', element: <SanctionPage />, roles: ['admin', 'central', 'agency', 'reviewer', 'ngo'] },
  { path: '/supervision/inspections', element: <InspectionsPage />, roles: ['admin', 'central', 'agency'], nav: 'inspections' },
  { path: '/supervision/inspections/new', element: <InspectionFormPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/inspections/:id', element: <InspectionPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/inspections/:id/edit', element: <InspectionFormPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/plans', element: <InspectionPlansPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/plans/new', element: <InspectionPlanFormPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/plans/:id', element: <InspectionPlanPage />, roles: ['admin', 'central', 'agency'] },
  { path: '/supervision/plans/:id/edit', element: <InspectionPlanFormPage />, roles: ['admin', 'central', 'agency'] },
];
