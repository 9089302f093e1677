output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "data_a_subnet_id" {
  description = "ID of subnet data-a"
  value       = aws_subnet.data_a.id
}

output "data_b_subnet_id" {
  description = "ID of subnet data-b"
  value       = aws_subnet.data_b.id
}

output "orders_endpoint" {
  description = "Host name of database orders"
  value       = aws_db_instance.orders.address
}

output "orders_master_secret_arn" {
  description = "Secrets Manager secret holding the master password of orders"
  value       = aws_db_instance.orders.master_user_secret[0].secret_arn
}
