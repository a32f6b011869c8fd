--liquibase formatted sql

--changeset planb:1-create-customers
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE legacy_notes (id INT PRIMARY KEY, note VARCHAR(200) NOT NULL);
