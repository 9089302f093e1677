output "vpc_vpc_id" {
  description = "ID of the VPC of network vpc"
  value       = aws_vpc.vpc.id
}

output "edge_a_subnet_id" {
  description = "ID of subnet edge-a"
  value       = aws_subnet.edge_a.id
}

output "edge_b_subnet_id" {
  description = "ID of subnet edge-b"
  value       = aws_subnet.edge_b.id
}

output "app_a_subnet_id" {
  description = "ID of subnet app-a"
  value       = aws_subnet.app_a.id
}

output "app_b_subnet_id" {
  description = "ID of subnet app-b"
  value       = aws_subnet.app_b.id
}

output "api_a_private_ips" {
  description = "Private IP addresses of api-a"
  value       = aws_instance.api_a[*].private_ip
}

output "api_b_private_ips" {
  description = "Private IP addresses of api-b"
  value       = aws_instance.api_b[*].private_ip
}

output "api_lb_dns_name" {
  description = "DNS name of load balancer api-lb"
  value       = aws_lb.api_lb.dns_name
}

output "lb_fw_security_group_id" {
  description = "ID of the security group of firewall lb-fw"
  value       = aws_security_group.lb_fw.id
}

output "orders_db_endpoint" {
  description = "Host name of database orders-db"
  value       = aws_db_instance.orders_db.address
}

output "orders_db_master_secret_arn" {
  description = "Secrets Manager secret holding the master password of orders-db"
  value       = aws_db_instance.orders_db.master_user_secret[0].secret_arn
}

output "app_fw_security_group_id" {
  description = "ID of the security group of firewall app-fw"
  value       = aws_security_group.app_fw.id
}

output "api_dns_fqdn" {
  description = "Name of DNS record api-dns"
  value       = aws_route53_record.api_dns.fqdn
}
