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

output "catalog_endpoint" {
  description = "Host name of database catalog"
  value       = aws_db_instance.catalog.address
}

output "catalog_master_secret_arn" {
  description = "Secrets Manager secret holding the master password of catalog"
  value       = aws_db_instance.catalog.master_user_secret[0].secret_arn
}
