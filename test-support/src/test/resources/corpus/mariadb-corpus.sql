-- PlanB's MariaDB torture corpus: what real applications hold, in one database whose name needs quoting
-- (the test creates it with a non-default character set and collation, utf8mb4_bin). Run as an administrator;
-- every view, trigger, event and routine is defined by another account (app_owner), as an application's
-- migrations leave them. Statements end with a line holding only //.

CREATE TABLE customers (
  id INT PRIMARY KEY AUTO_INCREMENT,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin UNIQUE,
  created DATETIME(6) NOT NULL DEFAULT '2026-01-01 00:00:00.000000',
  note TEXT
) ENGINE=InnoDB
//
INSERT INTO customers (name, email, created, note) VALUES
  ('Zoë 🚀', 'zoe@example.org', '2026-02-03 04:05:06.789012', 'emoji 👩‍👩‍👧 and 𝄞 (four bytes)'),
  ('東京', 'tokyo@example.org', '1999-12-31 23:59:59.999999', NULL),
  ('O''Brien \\ "q"', 'ob@example.org', '2026-01-01 00:00:00', 'line\nbreak\ttab;,)('),
  ('', NULL, '2026-01-01 00:00:00', '')
//
CREATE TABLE `order-lines` (
  id BIGINT UNSIGNED PRIMARY KEY,
  customer_id INT NOT NULL,
  quantity INT NOT NULL,
  unit_price DECIMAL(12,4) NOT NULL,
  total DECIMAL(14,4) AS (quantity * unit_price) STORED,
  label VARCHAR(120) AS (CONCAT('line-', id)) VIRTUAL,
  attributes JSON CHECK (JSON_VALID(attributes)),
  KEY by_customer (customer_id, total),
  CONSTRAINT `fk-customer` FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
)
//
INSERT INTO `order-lines` (id, customer_id, quantity, unit_price, attributes)
  SELECT seq, 1 + seq % 3, seq % 7, seq / 8, JSON_OBJECT('seq', seq, 'tags', JSON_ARRAY('a', 'ß', '🎉'), 'nested', JSON_OBJECT('n', NULL))
  FROM seq_1_to_500
//
-- MariaDB stores -0.0 as 0 in DOUBLE and FLOAT columns (before any backup); the extremes must survive the text dump.
CREATE TABLE measurements (id INT PRIMARY KEY, value DOUBLE, ratio FLOAT, exact DECIMAL(65,30), flags BIT(10), size ENUM('s','m','l'), tags SET('a','b','c'))
//
INSERT INTO measurements VALUES
  (1, -0e0, -0e0, -0.000000000000000000000000000001, b'1010101010', 'm', 'a,c'),
  (2, 1.7976931348623157e308, 3.40282e38, 99999999999999999999999999999999999.999999999999999999999999999999, b'0', 's', ''),
  (3, 2.2250738585072014e-308, -1.17549e-38, -0.5, b'1111111111', NULL, 'b'),
  (4, NULL, NULL, NULL, NULL, NULL, NULL)
//
CREATE TABLE documents (id INT PRIMARY KEY, name VARCHAR(50), body LONGBLOB, digest CHAR(64) AS (SHA2(body, 256)) STORED)
//
INSERT INTO documents (id, name, body) VALUES
  (1, 'three MiB', REPEAT(UNHEX('00FF7F80275C0A0D'), 393216)),
  (2, 'empty', ''),
  (3, 'null', NULL)
//
CREATE TABLE legacy (id INT PRIMARY KEY, title VARCHAR(40)) CHARACTER SET latin1 COLLATE latin1_german2_ci
//
INSERT INTO legacy VALUES (1, 'Müller'), (2, 'Straße')
//
CREATE TABLE `empty table` (id INT PRIMARY KEY, `select` VARCHAR(10), `weird ``name``` INT) ENGINE=InnoDB COMMENT 'nothing in it'
//
CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, action VARCHAR(20),
  at TIMESTAMP(3) NOT NULL DEFAULT '2026-01-01 00:00:00.000')
//
CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY -3 MINVALUE -100000 MAXVALUE 1000 CYCLE
//
SELECT NEXTVAL(invoice_numbers), NEXTVAL(invoice_numbers)
//
CREATE DEFINER=`app_owner`@`localhost` TRIGGER customers_audit AFTER INSERT ON customers
  FOR EACH ROW INSERT INTO audit_log (customer_id, action, at) VALUES (NEW.id, 'insert 🚀', '2026-03-04 05:06:07.089')
//
INSERT INTO customers (name, email) VALUES ('after the trigger', 'late@example.org')
//
CREATE DEFINER=`app_owner`@`localhost` SQL SECURITY DEFINER VIEW customer_totals AS
  SELECT c.id, c.name, COALESCE(SUM(l.total), 0) AS total FROM customers c LEFT JOIN `order-lines` l ON l.customer_id = c.id
  GROUP BY c.id, c.name
//
CREATE DEFINER=`app_owner`@`localhost` SQL SECURITY INVOKER VIEW `big-orders` AS SELECT id, total FROM `order-lines` WHERE total > 10
//
CREATE DEFINER=`app_owner`@`localhost` FUNCTION order_total(customer INT) RETURNS DECIMAL(14,4) READS SQL DATA
BEGIN
  DECLARE result DECIMAL(14,4);
  SELECT COALESCE(SUM(total), 0) INTO result FROM `order-lines` WHERE customer_id = customer;
  RETURN result;
END
//
CREATE DEFINER=`app_owner`@`localhost` PROCEDURE `add-customer`(IN customer_name VARCHAR(100))
  MODIFIES SQL DATA
  COMMENT 'adds a customer 🚀'
BEGIN
  INSERT INTO customers (name) VALUES (customer_name);
  SELECT LAST_INSERT_ID() AS id;
END
//
CREATE DEFINER=`app_owner`@`localhost` EVENT purge_audit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00'
  ON COMPLETION PRESERVE DISABLE COMMENT 'nightly' DO DELETE FROM audit_log WHERE at < NOW() - INTERVAL 90 DAY
//
