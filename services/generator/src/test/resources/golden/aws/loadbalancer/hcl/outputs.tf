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

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = aws_subnet.app.id
}

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = aws_instance.web[*].private_ip
}

output "web_lb_dns_name" {
  description = "DNS name of load balancer web-lb"
  value       = aws_lb.web_lb.dns_name
}

output "queue_lb_dns_name" {
  description = "DNS name of load balancer queue-lb"
  value       = aws_lb.queue_lb.dns_name
}
