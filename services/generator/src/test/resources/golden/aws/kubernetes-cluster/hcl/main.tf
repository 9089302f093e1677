data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_iam_policy_document" "eks_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "ec2_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.5.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-kubernetes-main"
  }
}

resource "aws_subnet" "nodes" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.5.0.0/20"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-kubernetes-nodes"
  }
}

resource "aws_subnet" "spare" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.5.16.0/20"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = false

  tags = {
    Name = "case-kubernetes-spare"
  }
}

resource "aws_iam_role" "k8s_cluster" {
  name               = "case-kubernetes-k8s-cluster"
  assume_role_policy = data.aws_iam_policy_document.eks_assume_role.json
}

resource "aws_iam_role_policy_attachment" "k8s_cluster" {
  role       = aws_iam_role.k8s_cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role" "k8s_nodes" {
  name               = "case-kubernetes-k8s-nodes"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume_role.json
}

resource "aws_iam_role_policy_attachment" "k8s_nodes" {
  for_each = {
    worker   = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"
    cni      = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
    registry = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
  }

  role       = aws_iam_role.k8s_nodes.name
  policy_arn = each.value
}

resource "aws_eks_cluster" "k8s" {
  name     = "case-kubernetes-k8s"
  role_arn = aws_iam_role.k8s_cluster.arn
  version  = "1.30"

  vpc_config {
    subnet_ids              = [aws_subnet.nodes.id, aws_subnet.spare.id]
    endpoint_private_access = true
    endpoint_public_access  = true
  }

  depends_on = [aws_iam_role_policy_attachment.k8s_cluster]
}

resource "aws_eks_node_group" "k8s" {
  cluster_name    = aws_eks_cluster.k8s.name
  node_group_name = "case-kubernetes-k8s-nodes"
  node_role_arn   = aws_iam_role.k8s_nodes.arn
  subnet_ids      = [aws_subnet.nodes.id]
  instance_types  = ["m6i.xlarge"]

  scaling_config {
    desired_size = 3
    min_size     = 3
    max_size     = 6
  }

  update_config {
    max_unavailable = 1
  }

  depends_on = [aws_iam_role_policy_attachment.k8s_nodes]

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }
}
