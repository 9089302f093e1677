output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = aws_subnet.app.id
}

output "win_private_ips" {
  description = "Private IP addresses of win"
  value       = aws_instance.win[*].private_ip
}
