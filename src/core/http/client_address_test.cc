// Trusted proxies and X-Forwarded-For: which address is the client.
#include "core/http/client_address.h"

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

TrustedProxies Trusted(std::vector<std::string> entries) {
  auto t = TrustedProxies::Parse(entries);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : TrustedProxies();
}

TEST(IpNetworkTest, ParsesAddressesAndNetworks) {
  struct Case {
    const char* text;
    bool ok;
    const char* why;
  };
  const Case cases[] = {
      {"10.0.0.0/8", true, "IPv4 network"},
      {"192.0.2.7", true, "bare IPv4 is a /32"},
      {"192.0.2.7/32", true, "explicit /32"},
      {"0.0.0.0/0", true, "everything IPv4"},
      {" 10.1.0.0/16 ", true, "surrounding spaces"},
      {"2001:db8::/32", true, "IPv6 network"},
      {"::1", true, "bare IPv6 is a /128"},
      {"fd00::/8", true, "unique local"},
      {"::ffff:10.0.0.0/104", true, "IPv4-mapped network = 10.0.0.0/8"},
      {"10.0.0.1/8", false, "host bits set beyond the prefix"},
      {"2001:db8::1/32", false, "IPv6 host bits set"},
      {"10.0.0.0/33", false, "prefix too long for IPv4"},
      {"::/129", false, "prefix too long for IPv6"},
      {"10.0.0.0/", false, "empty prefix"},
      {"10.0.0.0/-1", false, "negative prefix"},
      {"10.0.0.0/8x", false, "junk after the prefix"},
      {"10.0.0", false, "three octets"},
      {"010.0.0.1", false, "leading zero (octal?)"},
      {"256.0.0.1", false, "octet out of range"},
      {"example.org", false, "a name, not an address"},
      {"", false, "empty"},
      {"fe80::1%eth0", false, "zone id"},
      {"::ffff:10.0.0.0/90", false, "mapped prefix shorter than the mapping"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(IpNetwork::Parse(c.text).has_value(), c.ok) << c.text << ": " << c.why;
}

TEST(IpNetworkTest, Contains) {
  auto net = IpNetwork::Parse("10.0.0.0/8");
  ASSERT_TRUE(net);
  EXPECT_TRUE(net->Contains(*IpAddress::Parse("10.255.1.2")));
  EXPECT_FALSE(net->Contains(*IpAddress::Parse("11.0.0.1")));
  EXPECT_TRUE(net->Contains(*IpAddress::Parse("::ffff:10.9.9.9"))) << "mapped is IPv4";
  auto odd = IpNetwork::Parse("192.168.4.0/22");
  ASSERT_TRUE(odd);
  EXPECT_TRUE(odd->Contains(*IpAddress::Parse("192.168.7.255")));
  EXPECT_FALSE(odd->Contains(*IpAddress::Parse("192.168.8.0")));
  auto v6 = IpNetwork::Parse("2001:db8:aa00::/40");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->Contains(*IpAddress::Parse("2001:db8:aaff::1")));
  EXPECT_FALSE(v6->Contains(*IpAddress::Parse("2001:db8:ab00::1")));
  EXPECT_FALSE(v6->Contains(*IpAddress::Parse("10.0.0.1"))) << "families never mix";
  auto all = IpNetwork::Parse("0.0.0.0/0");
  EXPECT_TRUE(all->Contains(*IpAddress::Parse("203.0.113.9")));
  EXPECT_FALSE(all->Contains(*IpAddress::Parse("::1")));
}

TEST(TrustedProxiesTest, RefusesABadEntryByName) {
  auto t = TrustedProxies::Parse({"10.0.0.0/8", "10.0.0.1/8"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code_name(), "app.bad_trusted_proxy");
  EXPECT_NE(t.status().message().find("10.0.0.1/8"), std::string::npos);
}

TEST(ForwardedEntryTest, Forms) {
  struct Case {
    const char* entry;
    const char* want;  // nullptr: malformed
  };
  const Case cases[] = {
      {"203.0.113.7", "203.0.113.7"},
      {" 203.0.113.7 ", "203.0.113.7"},
      {"203.0.113.7:4711", "203.0.113.7"},
      {"2001:DB8::7", "2001:db8::7"},
      {"[2001:db8::7]", "2001:db8::7"},
      {"[2001:db8::7]:443", "2001:db8::7"},
      {"::ffff:203.0.113.7", "203.0.113.7"},
      {"unknown", nullptr},
      {"_hidden", nullptr},
      {"203.0.113.7:port", nullptr},
      {"[203.0.113.7]", nullptr},
      {"[2001:db8::7", nullptr},
      {"[2001:db8::7]x", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    auto a = ParseForwardedEntry(c.entry);
    if (!c.want) {
      EXPECT_FALSE(a.has_value()) << c.entry;
    } else {
      ASSERT_TRUE(a.has_value()) << c.entry;
      EXPECT_EQ(a->ToString(), c.want) << c.entry;
    }
  }
}

TEST(ClientAddressTest, TableOfPeersAndHeaders) {
  TrustedProxies proxies = Trusted({"127.0.0.1", "10.0.0.0/8", "fd00::/8"});
  struct Case {
    const char* peer;
    std::vector<std::string_view> xff;
    const char* want;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"198.51.100.2", {}, "198.51.100.2", "no proxy, no header"},
      {"198.51.100.2",
       {"203.0.113.7"},
       "198.51.100.2",
       "untrusted peer: a forged header is ignored"},
      {"127.0.0.1", {}, "127.0.0.1", "trusted peer without a header: the peer"},
      {"127.0.0.1", {"203.0.113.7"}, "203.0.113.7", "one proxy"},
      {"127.0.0.1",
       {"6.6.6.6, 203.0.113.7"},
       "203.0.113.7",
       "the client's own forged entry on the left is not believed"},
      {"127.0.0.1",
       {"6.6.6.6, 203.0.113.7, 10.1.2.3"},
       "203.0.113.7",
       "a chain of trusted proxies is skipped"},
      {"127.0.0.1",
       {"6.6.6.6", "203.0.113.7, 10.1.2.3"},
       "203.0.113.7",
       "several headers are one list, in order"},
      {"127.0.0.1", {"10.1.2.3, 10.4.5.6"}, "10.1.2.3", "only proxies: the left-most"},
      {"127.0.0.1",
       {"203.0.113.7, garbage"},
       "127.0.0.1",
       "a malformed element stops at the nearest trusted hop"},
      {"127.0.0.1",
       {"garbage, 203.0.113.7"},
       "203.0.113.7",
       "a malformed element left of the client does not matter"},
      {"127.0.0.1",
       {"203.0.113.7, 10.1.2.3, unknown"},
       "127.0.0.1",
       "'unknown' where we look stops the walk"},
      {"127.0.0.1", {"[2001:db8::7]:443"}, "2001:db8::7", "bracketed IPv6 with port"},
      {"::ffff:127.0.0.1", {"203.0.113.7"}, "203.0.113.7", "IPv4-mapped peer is IPv4"},
      {"fd00::5", {"2001:DB8::7, fd12::1"}, "2001:db8::7", "IPv6 proxies, canonical output"},
      {"127.0.0.1", {"203.0.113.7, , 10.1.2.3"}, "203.0.113.7", "empty elements are skipped"},
      {"not-an-ip", {"203.0.113.7"}, "not-an-ip", "a peer that is not an address is kept"},
  };
  for (const auto& c : cases) EXPECT_EQ(ClientAddress(c.peer, c.xff, proxies), c.want) << c.why;
  // No trusted proxies at all: the header is never read.
  EXPECT_EQ(ClientAddress("127.0.0.1", {"203.0.113.7"}, TrustedProxies()), "127.0.0.1");
}

TEST(ClientAddressTest, FromARequest) {
  Request req;
  req.remote_ip = "10.0.0.2";
  req.headers = {{"x-forwarded-for", "6.6.6.6"}, {"host", "x"}, {"x-forwarded-for", "203.0.113.7"}};
  EXPECT_EQ(ClientAddressOf(req, Trusted({"10.0.0.0/8"})), "203.0.113.7");
  EXPECT_EQ(ClientAddressOf(req, TrustedProxies()), "10.0.0.2");
}

TEST(AddressGroupTest, IPv6CountsPerSlash64) {
  EXPECT_EQ(AddressGroup("203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(AddressGroup("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(AddressGroup("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::/64");
  EXPECT_EQ(AddressGroup("::ffff:203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(AddressGroup("weird"), "weird");
}

}  // namespace
}  // namespace samkjop::core::http
