/**
 * eas-network: the network side of Alibaba Cloud PAI-EAS as code. This package holds the exception hierarchy; the
 * model lives in {@code io.easnet.core.model}, the service JSON and snapshot readers in {@code io.easnet.core.json},
 * the precedence resolver in {@code io.easnet.core.resolve}.
 */
package io.easnet.core;
