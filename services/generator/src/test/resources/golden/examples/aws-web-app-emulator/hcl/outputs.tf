output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "public_a_subnet_id" {
  description = "ID of subnet public-a"
  value       = aws_subnet.public_a.id
}

output "public_b_subnet_id" {
  description = "ID of subnet public-b"
  value       = aws_subnet.public_b.id
}

output "private_a_subnet_id" {
  description = "ID of subnet private-a"
  value       = aws_subnet.private_a.id
}

output "web_private_ips" {
  description = "Private IP addresses of web"
  value       = aws_instance.web[*].private_ip
}

output "web_lb_dns_name" {
  description = "DNS name of load balancer web-lb"
  value       = aws_lb.web_lb.dns_name
}

output "web_fw_security_group_id" {
  description = "ID of the security group of firewall web-fw"
  value       = aws_security_group.web_fw.id
}

output "db_endpoint" {
  description = "Host name of database db"
  value       = aws_db_instance.db.address
}

output "db_master_secret_arn" {
  description = "Secrets Manager secret holding the master password of db"
  value       = aws_db_instance.db.master_user_secret[0].secret_arn
}

output "app_fw_security_group_id" {
  description = "ID of the security group of firewall app-fw"
  value       = aws_security_group.app_fw.id
}

output "uploads_bucket_name" {
  description = "Name of bucket uploads"
  value       = aws_s3_bucket.uploads.bucket
}

output "www_fqdn" {
  description = "Name of DNS record www"
  value       = aws_route53_record.www.fqdn
}
