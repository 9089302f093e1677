output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = aws_subnet.edge.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = aws_subnet.app.id
}
