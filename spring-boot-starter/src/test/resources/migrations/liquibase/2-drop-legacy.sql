--liquibase formatted sql

--changeset planb:2-drop-legacy
DROP TABLE legacy_notes;
ALTER TABLE customers ADD COLUMN email VARCHAR(200);
