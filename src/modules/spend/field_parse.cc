#include "modules/spend/field_parse.h"

namespace samkjop::spend {

std::string OrgnrToString(std::uint32_t orgnr) {
  char buf[10];
  for (int idx = 8; idx >= 0; --idx) {
    buf[idx] = static_cast<char>('0' + orgnr % 10);
    orgnr /= 10;
  }
  return std::string(buf, 9);
}

}  // namespace samkjop::spend
