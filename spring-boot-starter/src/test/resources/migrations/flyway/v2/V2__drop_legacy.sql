DROP TABLE legacy_notes;
ALTER TABLE customers ADD COLUMN email VARCHAR(200);
