import { Migration20261124000100_customers_and_calls } from './Migration20261124000100_customers_and_calls';
import { Migration20261124000200_invoices } from './Migration20261124000200_invoices';
import { Migration20261124000300_prepaid_ledger } from './Migration20261124000300_prepaid_ledger';
import { Migration20261124000400_customer_api_keys } from './Migration20261124000400_customer_api_keys';
import { Migration20261124000500_invoice_deliveries } from './Migration20261124000500_invoice_deliveries';
import { Migration20261124000600_calls_ingestion_indexes } from './Migration20261124000600_calls_ingestion_indexes';
import { Migration20261124000700_calls_history_covering_index } from './Migration20261124000700_calls_history_covering_index';
import { Migration20261124000800_invoices_insert_cost } from './Migration20261124000800_invoices_insert_cost';
import { Migration20261201024019_portal_sessions } from './Migration20261201024019_portal_sessions';
import { Migration20261201043851_calls_rated_in_seconds } from './Migration20261201043851_calls_rated_in_seconds';
import { Migration20261201052126_line_history } from './Migration20261201052126_line_history';
import { Migration20261201053707_audit_events } from './Migration20261201053707_audit_events';
import { Migration20261201062600_calls_late_invoice_index } from './Migration20261201062600_calls_late_invoice_index';
import { Migration20261201062601_customers_billing_address } from './Migration20261201062601_customers_billing_address';
import { Migration20261201235351_prepaid_low_balance_armed } from './Migration20261201235351_prepaid_low_balance_armed';
import { Migration20261201235432_delivery_outbox_balance_low } from './Migration20261201235432_delivery_outbox_balance_low';
import { Migration20261201235708_cdr_files } from './Migration20261201235708_cdr_files';
import { Migration20261201235946_suspended_calls } from './Migration20261201235946_suspended_calls';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests run the same set. */
export const migrations = [
  { name: 'Migration20261124000100_customers_and_calls', class: Migration20261124000100_customers_and_calls },
  { name: 'Migration20261124000200_invoices', class: Migration20261124000200_invoices },
  { name: 'Migration20261124000300_prepaid_ledger', class: Migration20261124000300_prepaid_ledger },
  { name: 'Migration20261124000400_customer_api_keys', class: Migration20261124000400_customer_api_keys },
  { name: 'Migration20261124000500_invoice_deliveries', class: Migration20261124000500_invoice_deliveries },
  {
    name: 'Migration20261124000600_calls_ingestion_indexes',
    class: Migration20261124000600_calls_ingestion_indexes,
  },
  {
    name: 'Migration20261124000700_calls_history_covering_index',
    class: Migration20261124000700_calls_history_covering_index,
  },
  {
    name: 'Migration20261124000800_invoices_insert_cost',
    class: Migration20261124000800_invoices_insert_cost,
  },
  { name: 'Migration20261201024019_portal_sessions', class: Migration20261201024019_portal_sessions },
  {
    name: 'Migration20261201043851_calls_rated_in_seconds',
    class: Migration20261201043851_calls_rated_in_seconds,
  },
  { name: 'Migration20261201052126_line_history', class: Migration20261201052126_line_history },
  { name: 'Migration20261201053707_audit_events', class: Migration20261201053707_audit_events },
  {
    name: 'Migration20261201062600_calls_late_invoice_index',
    class: Migration20261201062600_calls_late_invoice_index,
  },
  {
    name: 'Migration20261201062601_customers_billing_address',
    class: Migration20261201062601_customers_billing_address,
  },
  {
    name: 'Migration20261201235351_prepaid_low_balance_armed',
    class: Migration20261201235351_prepaid_low_balance_armed,
  },
  {
    name: 'Migration20261201235432_delivery_outbox_balance_low',
    class: Migration20261201235432_delivery_outbox_balance_low,
  },
  { name: 'Migration20261201235708_cdr_files', class: Migration20261201235708_cdr_files },
  { name: 'Migration20261201235946_suspended_calls', class: Migration20261201235946_suspended_calls },
];
