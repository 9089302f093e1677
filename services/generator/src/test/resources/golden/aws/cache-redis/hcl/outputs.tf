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

output "sessions_endpoint" {
  description = "Primary endpoint of cache sessions"
  value       = aws_elasticache_replication_group.sessions.primary_endpoint_address
}
