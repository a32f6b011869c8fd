CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, city VARCHAR(60));
CREATE INDEX customers_city ON customers (city);
CREATE SEQUENCE invoice_numbers START WITH 1000;
CREATE TABLE legacy_notes (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id), note VARCHAR(200) NOT NULL);
CREATE VIEW customer_notes AS SELECT c.name, n.note FROM customers c JOIN legacy_notes n ON n.customer_id = c.id;
