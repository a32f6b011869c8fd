DROP VIEW customer_notes;
DROP TABLE legacy_notes;
DROP INDEX customers_city;
ALTER TABLE customers ADD COLUMN email VARCHAR(200);
ALTER SEQUENCE invoice_numbers RESTART WITH 5000;
