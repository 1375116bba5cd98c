// The spend engine (spend): agreement loyalty and screening for likely
// illegal direct procurement on invoice lines. A batch command today; its
// routes come with the spend issue. Only src/app/modules.cc includes this.
#ifndef SAMKJOP_MODULES_SPEND_MODULE_H_
#define SAMKJOP_MODULES_SPEND_MODULE_H_

#include "core/module/module.h"

namespace samkjop::spend {

core::Module SpendModule();

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_MODULE_H_
