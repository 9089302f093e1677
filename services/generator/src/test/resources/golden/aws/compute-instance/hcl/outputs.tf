output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = aws_subnet.edge.id
}

output "worker_private_ips" {
  description = "Private IP addresses of worker"
  value       = aws_instance.worker[*].private_ip
}

output "worker_public_ips" {
  description = "Public IP addresses of worker"
  value       = aws_instance.worker[*].public_ip
}
