import { durationProblems } from './values';
import { ConnectionPoolSettings, OutlierDetection } from '../traffic-policy';

function count(what: string, value: number | undefined, min: number): string[] {
  if (value === undefined || (Number.isInteger(value) && value >= min)) return [];
  // Istio reads 0 as "not set" (its default, no limit), so a limit of 0 is no limit at all.
  const fix = value === 0 ? '; Istio reads 0 as not set (no limit): leave it out for no limit, or give a limit of at least 1' : '';
  return [`${what} ${value} must be a whole number of at least ${min}${fix}.`];
}

/** The rules for a backend's connection pool and outlier detection. */
export function trafficPolicyProblems(pool?: ConnectionPoolSettings, outliers?: OutlierDetection): string[] {
  const problems: string[] = [];
  if (pool) {
    problems.push(...count('connectionPool.maxConnections', pool.maxConnections, 1));
    problems.push(...count('connectionPool.maxPendingRequests', pool.maxPendingRequests, 1));
    problems.push(...count('connectionPool.maxRequests', pool.maxRequests, 1));
    problems.push(...count('connectionPool.maxRequestsPerConnection', pool.maxRequestsPerConnection, 0));
    if (pool.connectTimeout) problems.push(...durationProblems('connectionPool.connectTimeout', pool.connectTimeout, "leave it out for Istio's default of 10s"));
  }
  if (outliers) {
    problems.push(...count('outlierDetection.consecutive5xxErrors', outliers.consecutive5xxErrors, 0));
    if (outliers.interval) problems.push(...durationProblems('outlierDetection.interval', outliers.interval, "leave it out for Istio's default of 10s"));
    if (outliers.baseEjectionTime) problems.push(...durationProblems('outlierDetection.baseEjectionTime', outliers.baseEjectionTime, "leave it out for Istio's default of 30s"));
    const pct = outliers.maxEjectionPercent;
    if (pct !== undefined && !(Number.isInteger(pct) && pct >= 0 && pct <= 100)) {
      problems.push(`outlierDetection.maxEjectionPercent ${pct} must be a whole number from 0 to 100.`);
    }
  }
  return problems;
}
