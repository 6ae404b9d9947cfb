package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds free, aligned IPv4 blocks inside a VPC's blocks, avoiding blocks already taken (existing vSwitches, earlier
 * proposals) and {@code 100.64.0.0/10}, which vSwitches may not use.
 */
public final class CidrAllocator {
  private static final Cidr SHARED = Cidr.parse("100.64.0.0/10");

  private final List<Cidr> within;
  private final List<Cidr> taken = new ArrayList<>();

  /** An allocator inside {@code within} that avoids {@code taken}. */
  public CidrAllocator(List<Cidr> within, List<Cidr> taken) {
    this.within = List.copyOf(within);
    this.taken.addAll(taken);
    this.taken.add(SHARED);
  }

  /**
   * The smallest vSwitch prefix (/16 to /29) whose usable addresses ({@link VSwitch#assignableIpCount(int)}: size less
   * the four the cloud reserves) are at least {@code ips}.
   */
  public static Optional<Integer> prefixFor(long ips) {
    for (int p = 29; p >= 16; p--) {
      if (VSwitch.assignableIpCount(p) >= ips) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The first free aligned block of {@code prefix} in the VPC's blocks, in block order; it is then taken. */
  public Optional<Cidr> allocate(int prefix) {
    long size = 1L << (32 - prefix);
    for (Cidr block : within) {
      if (!block.isIpv4() || block.prefixLength() > prefix) {
        continue;
      }
      long addr = block.firstIpv4();
      long end = block.lastIpv4();
      while (addr + size - 1 <= end) {
        Cidr candidate = Cidr.ofIpv4(addr, prefix);
        Cidr clash = null;
        for (Cidr t : taken) {
          if (t.isIpv4() && t.overlaps(candidate)) {
            clash = t;
            break;
          }
        }
        if (clash == null) {
          taken.add(candidate);
          return Optional.of(candidate);
        }
        // jump past the clashing block, aligned up to the candidate size
        long next = Math.max(addr + size, clash.lastIpv4() + 1);
        addr = (next + size - 1) / size * size;
      }
    }
    return Optional.empty();
  }
}
