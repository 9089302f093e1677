output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "edge_a_subnet_id" {
  description = "ID of subnet edge-a"
  value       = aws_subnet.edge_a.id
}

output "edge_b_subnet_id" {
  description = "ID of subnet edge-b"
  value       = aws_subnet.edge_b.id
}

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = aws_instance.web[*].private_ip
}

output "web_public_ips" {
  description = "Public IP addresses of web"
  value       = aws_instance.web[*].public_ip
}

output "web_lb_dns_name" {
  description = "DNS name of load balancer web-lb"
  value       = aws_lb.web_lb.dns_name
}

output "www_fqdn" {
  description = "Name of DNS record www"
  value       = aws_route53_record.www.fqdn
}

output "apex_fqdn" {
  description = "Name of DNS record apex"
  value       = aws_route53_record.apex.fqdn
}

output "direct_fqdn" {
  description = "Name of DNS record direct"
  value       = aws_route53_record.direct.fqdn
}

output "spf_fqdn" {
  description = "Name of DNS record spf"
  value       = aws_route53_record.spf.fqdn
}
