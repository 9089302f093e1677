variable "api_lb_certificate_arn" {
  description = "ARN of the ACM certificate load balancer api-lb presents on its https listeners"
  type        = string
  nullable    = false
}
